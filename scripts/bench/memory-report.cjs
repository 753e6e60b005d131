// Preloaded into a hall server by the memory benchmark (node --require): on SIGUSR2 it writes
// process.memoryUsage() to MEMORY_REPORT, after a full GC when --expose-gc is on, so that the
// benchmark can tell the JavaScript heap from the rest of the resident memory.
// (A --require preload is CommonJS; getBuiltinModule reads node:fs without require.)
const { writeFileSync } = process.getBuiltinModule('node:fs');

const file = process.env.MEMORY_REPORT;
if (file) {
  process.on('SIGUSR2', () => {
    if (typeof globalThis.gc === 'function') globalThis.gc();
    writeFileSync(file, JSON.stringify(process.memoryUsage()));
  });
}
