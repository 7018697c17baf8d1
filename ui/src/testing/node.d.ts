// The few Node.js functions the tests use to read files beside the UI (tsconfig keeps
// `types: []`, so Node's own types are not loaded). Vitest runs the tests in Node.
declare module 'node:fs' {
  export function readFileSync(path: string, encoding: 'utf8'): string;
  export function readdirSync(
    path: string,
    options: { withFileTypes: true },
  ): { name: string; isDirectory(): boolean }[];
}

declare module 'node:path' {
  const path: {
    dirname(p: string): string;
    join(...parts: string[]): string;
    relative(from: string, to: string): string;
    resolve(...parts: string[]): string;
  };
  export default path;
}
