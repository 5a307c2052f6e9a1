// The Node.js side of the throughput comparison: the same workloads, table and JSON line as
// benchmarks/CqlConnector.Throughput, with "client":"nodejs". Usage:
//   node throughput.js --host 127.0.0.1 --port 9042 --workload insert|point-read|scan|latency --ops N --concurrency C --fetch-size F
'use strict';
const cassandra = require('cassandra-driver');
const crypto = require('crypto');

const args = {};
for (let i = 2; i + 1 < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
const host = args.host || '127.0.0.1';
const port = parseInt(args.port || '9042', 10);
const workload = args.workload || 'insert';
const ops = parseInt(args.ops || '100000', 10);
const concurrency = workload === 'latency' ? 1 : parseInt(args.concurrency || '128', 10);
const fetchSize = parseInt(args['fetch-size'] || '5000', 10);
const payload = Buffer.from(Array.from({ length: 100 }, (_, i) => i));
const Uuid = cassandra.types.Uuid;

const client = new cassandra.Client({
  contactPoints: [`${host}:${port}`], localDataCenter: 'datacenter1',
  protocolOptions: { port }, socketOptions: { readTimeout: 60000 },
});
const INSERT = 'INSERT INTO bench.t (id, name, age, payload) VALUES (?, ?, ?, ?)';
const SELECT = 'SELECT id, name, age, payload FROM bench.t WHERE id = ?';

async function runConcurrent(n, makeQuery, latencies) {
  let next = -1;
  async function worker() {
    let i;
    while ((i = ++next) < n) {
      const [query, params] = makeQuery(i);
      const start = process.hrtime.bigint();
      await client.execute(query, params, { prepare: true });
      if (latencies) latencies[i] = Number(process.hrtime.bigint() - start) / 1e6;
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, worker));
  return n;
}

async function scan(n, latencies) {
  let rows = 0;
  let start = process.hrtime.bigint();
  let pageState;
  do {
    const rs = await client.execute('SELECT id, name, age, payload FROM bench.t', [], { prepare: true, fetchSize, pageState });
    if (latencies) latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
    for (const row of rs.rows) { void row.id; void row.name; void row.age; if (++rows === n) return rows; }
    pageState = rs.pageState;
    start = process.hrtime.bigint();
  } while (pageState);
  return rows;
}

async function main() {
  await client.connect();
  await client.execute("CREATE KEYSPACE IF NOT EXISTS bench WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
  await client.execute('CREATE TABLE IF NOT EXISTS bench.t (id uuid PRIMARY KEY, name text, age int, payload blob)');
  let ids = [];
  if (workload === 'point-read' || workload === 'latency') {
    ids = Array.from({ length: Math.min(ops, 10000) }, () => Uuid.random());
    await runConcurrent(ids.length, i => [INSERT, [ids[i], 'name' + (i % 1000), i % 100, payload]]);
  }
  const run = (n, latencies) => workload === 'scan' ? scan(n, latencies)
    : runConcurrent(n, workload === 'insert'
      ? i => [INSERT, [Uuid.random(), 'name' + (i % 1000), i % 100, payload]]
      : i => [SELECT, [ids[i % ids.length]]], latencies);

  await run(Math.min(Math.max(Math.floor(ops / 10), 100), 5000), null); // warm up
  const latencies = workload === 'scan' ? [] : new Array(ops);
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const done = await run(ops, latencies);
  const elapsed = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const sorted = latencies.filter(x => x !== undefined).sort((a, b) => a - b);
  const pct = p => sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : 0;
  const r = x => Math.round(x * 1000) / 1000;
  console.log(JSON.stringify({
    client: 'nodejs', workload, ops: done, concurrency, elapsed_s: r(elapsed), ops_per_s: r(done / elapsed),
    p50_ms: r(pct(0.5)), p99_ms: r(pct(0.99)), client_cpu_s: r(cpuSeconds), cpu_us_per_op: r(cpuSeconds * 1e6 / done),
    nproc: require('os').cpus().length,
  }));
  await client.shutdown();
}
main().catch(e => { console.error(e); process.exit(1); });
