// web-ext ships no types; only its programmatic lint is used (tests/e2e/firefox/lint.e2e.ts).
declare module 'web-ext' {
  const webExt: { cmd: { lint(params: object, options: { shouldExitProgram: boolean }): Promise<unknown> } };
  export default webExt;
}
