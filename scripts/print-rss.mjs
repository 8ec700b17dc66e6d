// Preload for measuring a CLI run's peak memory: `node --import ./scripts/print-rss.mjs bin/shardscape.mjs …`
// prints `peak-rss-mib N` on stderr at exit (the sandbox tests hold the CLI under 1.5 GB with it).
process.on('exit', () => {
  process.stderr.write(`peak-rss-mib ${Math.round(process.resourceUsage().maxRSS / 1024)}\n`);
});
