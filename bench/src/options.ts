import path from 'node:path';

export const SCENARIOS = ['import', 'dashboard', 'ledger', 'load', 'memory'] as const;
export type Scenario = (typeof SCENARIOS)[number];

export interface Options {
  scale: number;
  scenarios: Scenario[];
  seed: number;
  province: string;
  /** Seconds each HTTP load test runs. */
  duration: number;
  connections: number;
  /** Hazard rows per import file (each file is one transaction). */
  chunk: number;
  /** Server restarts for the cold dashboard samples. */
  coldRounds: number;
  /** Warm samples per dashboard or ledger query. */
  samples: number;
  keep: boolean;
  /** Skip loading and measure an earlier run's data directory (kept with --keep). */
  reuse: boolean;
  /** Measure the dashboards and the ledger a second time on the same data and report the spread. */
  repeat: boolean;
  /** Free text stored with the results (e.g. "shared machine, six other sessions"). */
  note: string;
  root: string;
  dataDir: string;
  outDir: string;
}

const HELP = `npm run bench -- [options]
  --scale S          fraction of the province (1 = 10,000,000 hazards; default 0.01)
  --smoke            the CI run: --scale 0.0002, short load tests, few samples
  --scenarios LIST   comma-separated: ${SCENARIOS.join(',')} (default: all; loading always runs)
  --seed N           generator seed (default 20261122)
  --province CODE    province code (default 13, 河北)
  --duration S       seconds per HTTP load test (default 10)
  --connections N    concurrent connections under load (default 50)
  --chunk N          hazard rows per import file (default 250000)
  --keep             keep the data directory (bench/.data/…) afterwards
  --reuse            measure a kept data directory again instead of loading (no import figures)
  --repeat           measure the dashboards and the ledger twice on the same data; report the spread
  --note TEXT        a remark stored with the results (the machine's state, say)
  --out DIR          where results go (default bench/results)`;

export function parseOptions(argv: string[]): Options {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') { console.log(HELP); process.exit(0); }
    if (!a.startsWith('--')) throw new Error(`unexpected argument ${a}\n${HELP}`);
    const [key, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
    if (['smoke', 'keep', 'reuse', 'repeat'].includes(key)) args.set(key, 'true');
    else args.set(key, inline ?? argv[++i] ?? '');
  }
  const smoke = args.has('smoke');
  const num = (key: string, fallback: number) => {
    const v = args.get(key);
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${key} must be a positive number, got "${v}"`);
    return n;
  };
  const scale = num('scale', smoke ? 0.0002 : 0.01);
  const tiny = scale < 0.001;
  const scenarios = (args.get('scenarios') ?? SCENARIOS.join(',')).split(',').map((s) => s.trim()).filter(Boolean);
  for (const s of scenarios) if (!(SCENARIOS as readonly string[]).includes(s)) throw new Error(`unknown scenario "${s}" (${SCENARIOS.join(', ')})`);
  const root = path.resolve(import.meta.dirname, '../..');
  return {
    scale,
    scenarios: scenarios as Scenario[],
    seed: num('seed', 20261122),
    province: args.get('province') ?? '13',
    duration: num('duration', tiny ? 2 : 10),
    connections: num('connections', 50),
    chunk: Math.round(num('chunk', 250_000)),
    coldRounds: Math.round(num('cold-rounds', tiny ? 1 : 3)),
    samples: Math.round(num('samples', tiny ? 5 : 30)),
    keep: args.has('keep') || args.has('reuse'),
    reuse: args.has('reuse'),
    repeat: args.has('repeat'),
    note: args.get('note') ?? '',
    root,
    dataDir: path.join(root, 'bench', '.data', `scale-${scale}`),
    outDir: path.resolve(args.get('out') ?? path.join(root, 'bench', 'results')),
  };
}
