// The machine, before the figures: this VM's speed moves from hour to hour (other tenants), and memory more
// than arithmetic. Two probes give the figures that follow their context: an arithmetic loop (50 million
// dependent multiply-adds) and the latency of random reads in 8 MB and 64 MB (a pointer chase: each read
// waits for the previous one, as the engine's hash-table look-ups do).
const { performance } = require("node:perf_hooks");

function arithmetic() {
  let a = 0;
  for (let i = 0; i < 5e7; i++) a = (a * 31 + i) | 0;
  return a;
}

/** Nanoseconds per dependent read in a random cycle over `mb` megabytes. */
function readLatency(mb) {
  const n = (mb * 1024 * 1024) / 4;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let seed = 12345;
  for (let i = n - 1; i > 0; i--) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    const j = seed % (i + 1);
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  const next = new Int32Array(n);
  for (let i = 0; i < n; i++) next[order[i]] = order[(i + 1) % n];
  let p = 0;
  for (let i = 0; i < 1e5; i++) p = next[p];
  const steps = 2e6;
  const t0 = performance.now();
  for (let i = 0; i < steps; i++) p = next[p];
  return { ns: ((performance.now() - t0) * 1e6) / steps, p };
}

arithmetic();
const runs = [0, 1, 2].map(() => {
  const t0 = performance.now();
  arithmetic();
  return performance.now() - t0;
});
const fmt = (x) => x.toLocaleString("fr-FR", { maximumFractionDigits: 1 });
console.log(`Calcul (50 M multiplications-additions) : ${fmt(Math.min(...runs))} ms`);
console.log(
  `Lecture mémoire aléatoire : ${fmt(readLatency(8).ns)} ns (8 Mo), ${fmt(readLatency(64).ns)} ns (64 Mo)`,
);
console.log(
  `Charge (uptime) : ${require("node:os")
    .loadavg()
    .map((x) => fmt(x))
    .join(" / ")} ; ${require("node:os").cpus().length} cœurs`,
);
