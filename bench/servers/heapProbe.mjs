// Preloaded into every bench server (--import): on SIGUSR2, collects garbage and prints its heap and RSS, so idle memory compares alike.
process.on('SIGUSR2', () => {
  globalThis.gc?.();
  const { heapUsed, rss } = process.memoryUsage();
  console.log(`bench-memory heapUsed=${heapUsed} rss=${rss}`);
});
