"""The warehouse case's work with pandas, on the same 10,000,000 rows as
bench/cases/warehouse-10m.ts: the customer summary by the rules of customerSummary (as in
clv_summary.py: one purchase per customer-day, repeat purchases after the first day, weeks,
calibration to 1997-09-30), then the two compressions our side has DuckDB make — the distinct
(x, t_x, T) rows with their counts and the repeat buyers' distinct (x, monetary) pairs with
theirs. pandas has no BG/NBD or Gamma-Gamma fit, so the fits are not on this side.

pandas reads Parquet only through pyarrow or fastparquet, and Debian bookworm packages neither,
so pandas reads the same rows from the CSV copy that bench/generate/warehouse-parquet.ts writes
next to the Parquet file (`--csv`). The CSV read is timed apart (`readMs`, not in `ms`); our
side's `ms` includes reading the Parquet file. Prints {"ms", "maxRssMB", ...}; `bench/run.ts`
runs it once per round and keeps the median round."""
import json, os, subprocess, time
import pandas as pd
from timing import max_rss_mb

HERE = os.path.dirname(os.path.abspath(__file__))
TRANSACTIONS = 10_000_000
CSV = os.path.join(HERE, '..', 'raw', f'warehouse-{TRANSACTIONS}.csv')
if not os.path.exists(CSV):
    subprocess.run(['npx', 'tsx', os.path.join(HERE, '..', 'generate', 'warehouse-parquet.ts'), str(TRANSACTIONS), '--csv'],
                   check=True, cwd=os.path.join(HERE, '..', '..'), stdout=subprocess.DEVNULL)

CAL = pd.Timestamp('1997-09-30')


def read():
    return pd.read_csv(CSV, parse_dates=['date'], dtype={'customer': 'int32', 'amount': 'float64'})


def summary_and_compress(df):
    g = df[df.date <= CAL].groupby(['customer', 'date'], as_index=False, sort=False).amount.sum()
    first = g.groupby('customer').date.min().rename('first')
    g = g.join(first, on='customer', how='inner')
    rep = g[g.date > g['first']].groupby('customer')
    s = pd.DataFrame({'first': first})
    s['x'] = rep.size().reindex(s.index, fill_value=0)
    s['t_x'] = ((rep.date.max() - s['first']).dt.days / 7).fillna(0)
    s['T'] = (CAL - s['first']).dt.days / 7
    s['monetary'] = rep.amount.mean().reindex(s.index, fill_value=0)
    purchases = s.groupby(['x', 't_x', 'T']).size()
    spend = s[s.x > 0].groupby(['x', 'monetary']).size()
    return s, purchases, spend


t = time.perf_counter()
df = read()
read_ms = (time.perf_counter() - t) * 1000
t = time.perf_counter()
cpu = time.process_time()
s, purchases, spend = summary_and_compress(df)
ms = (time.perf_counter() - t) * 1000
cpu_ms = (time.process_time() - cpu) * 1000
print(json.dumps({
    'ms': ms,
    'maxRssMB': max_rss_mb(),
    'cpuMs': round(cpu_ms),
    'readMs': round(read_ms),
    'loadAverage': round(os.getloadavg()[0], 2),
    'covers': 'summary + both compressions, no fits; read from CSV (no Parquet reader for pandas in Debian), read timed apart',
    'transactions': int(len(df)),
    'customers': int(len(s)),
    'repeatBuyers': int((s.x > 0).sum()),
    'purchaseRows': int(len(purchases)),
    'spendRows': int(len(spend)),
}))
