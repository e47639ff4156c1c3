export { FileReadError, describeErrno, kindOf, readRegularFile } from "./read-regular-file";
