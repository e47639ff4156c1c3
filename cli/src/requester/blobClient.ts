// The requester's blob client is the localnet's (any content-addressed HTTP store works).
export { blobUri, getBlob, hashOfBlobUri, putBlob, sha256Hex, BlobIntegrityError } from "../../../localnet/blobs/blobClient";
