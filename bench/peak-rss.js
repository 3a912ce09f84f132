// Preloaded into a measured process: prints its peak resident memory when it exits, on stderr, for bench/handler.ts.
process.on('exit', () => process.stderr.write(`\nPEAK_RSS_KB=${process.resourceUsage().maxRSS}\n`));
