// Preloaded into a measured process: prints its peak resident memory and the CPU time it used (user + system, all
// threads) when it exits, on stderr, for bench/handler.ts.
process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  process.stderr.write(`\nPEAK_RSS_KB=${process.resourceUsage().maxRSS}\nCPU_US=${user + system}\n`);
});
