// Types for layers.mjs, so the architecture test (TypeScript) can use it.
export declare const repoRoot: string;
export declare function repoPath(abs: string): string;
export declare function rootOf(path: string): string | null;
export declare function mayImport(from: string, to: string): boolean;
export declare function resolveRelative(fromAbs: string, specifier: string): string | null;
export declare function specifiersOf(source: string): string[];
export declare function sourceFiles(dir?: string): string[];
export declare function importGraph(files?: string[]): Map<string, Set<string>>;
export declare function layerViolations(graph: Map<string, Set<string>>): string[];
export declare function fileCycles(graph: Map<string, Set<string>>): string[][];
export declare function folderCycles(graph: Map<string, Set<string>>): string[][];
