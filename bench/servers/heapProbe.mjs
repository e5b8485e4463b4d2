// Preloaded into every bench server (--import): on SIGUSR2, collects garbage and prints its heap and RSS, so idle memory compares alike.
// The spaces' sizes say where resident memory went (V8's young generation grows under allocation and is kept).
// RSS is read 250 ms after the collection: V8 hands the pages it freed back to the system from a background task.
import v8 from 'node:v8';

const RSS_AFTER_GC_MS = 250;

process.on('SIGUSR2', () => {
  globalThis.gc?.();
  const { heapUsed } = process.memoryUsage();
  const spaces = v8
    .getHeapSpaceStatistics()
    .filter((space) => space.space_size > 0)
    .map((space) => `${space.space_name}:${space.space_size}`)
    .join(',');
  setTimeout(() => {
    const { rss, heapTotal, external } = process.memoryUsage();
    console.log(
      `bench-memory heapUsed=${heapUsed} rss=${rss} spaces=${spaces} heapTotal=${heapTotal} external=${external}`,
    );
  }, RSS_AFTER_GC_MS);
});
