import { EngineSimulation } from './src/engine/simulation.ts';
import { design, meteringDesign, node, plainProducer } from './src/engine/testing.ts';
function best(name: string, mk: () => EngineSimulation, ms: number, unit: number) {
  let bestCpu = Infinity;
  for (let i = 0; i < 5; i++) {
    const sim = mk();
    const c0 = process.cpuUsage();
    sim.advanceSync(ms);
    const c = process.cpuUsage(c0);
    bestCpu = Math.min(bestCpu, (c.user + c.system) / 1e6);
  }
  console.log(process.env.LABEL, name, (unit / bestCpu).toFixed(2));
}
if (!process.env.ONLY_METER) best('stream M rec/cpu-s', () => new EngineSimulation(design([plainProducer('p', 50_000, 100), node('s', 'stream', { shardCount: 64 })], [['p', 's']]), { seed: 1 }), 40_000, 2);
best('metering sim-s/cpu-s', () => new EngineSimulation(meteringDesign(), { seed: 1 }), 10_000, 10);
