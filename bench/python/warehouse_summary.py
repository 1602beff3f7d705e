"""The warehouse case's customer summary with pandas, on the same 10,000,000 rows as
bench/cases/warehouse-10m.ts: the rules of customerSummary as in clv_summary.py (one purchase
per customer-day, repeat purchases after the first day, weeks, calibration to 1997-09-30,
holdout to 1998-06-30). pandas reads Parquet only through pyarrow or fastparquet, and Debian
bookworm packages neither, so pandas reads the same rows from the CSV copy that
bench/generate/warehouse-parquet.ts writes next to the Parquet file (`--csv`), untimed; only the
summary is timed. Prints {"ms", "maxRssMB", ...}."""
import json, os, subprocess
import pandas as pd
from timing import max_rss_mb, time_median

HERE = os.path.dirname(os.path.abspath(__file__))
TRANSACTIONS = 10_000_000
CSV = os.path.join(HERE, '..', 'raw', f'warehouse-{TRANSACTIONS}.csv')
if not os.path.exists(CSV):
    subprocess.run(['npx', 'tsx', os.path.join(HERE, '..', 'generate', 'warehouse-parquet.ts'), str(TRANSACTIONS), '--csv'],
                   check=True, cwd=os.path.join(HERE, '..', '..'), stdout=subprocess.DEVNULL)

df = pd.read_csv(CSV, parse_dates=['date'], dtype={'customer': 'int32', 'amount': 'float64'})
CAL = pd.Timestamp('1997-09-30')
HOLD = pd.Timestamp('1998-06-30')


def summary():
    g = df[df.date <= HOLD].groupby(['customer', 'date'], as_index=False, sort=False).amount.sum()
    first = g[g.date <= CAL].groupby('customer').date.min().rename('first')
    g = g.join(first, on='customer', how='inner')
    cal = g[(g.date > g['first']) & (g.date <= CAL)]
    hold = g[g.date > CAL]
    s = pd.DataFrame({'first': first})
    rep = cal.groupby('customer')
    s['x'] = rep.size().reindex(s.index, fill_value=0)
    s['t_x'] = ((rep.date.max() - s['first']).dt.days / 7).fillna(0)
    s['T'] = (CAL - s['first']).dt.days / 7
    s['monetary'] = rep.amount.mean().reindex(s.index, fill_value=0)
    h = hold.groupby('customer')
    s['x_holdout'] = h.size().reindex(s.index, fill_value=0)
    s['monetary_holdout'] = h.amount.mean().reindex(s.index, fill_value=0)
    return s


ms, s = time_median(summary, repeats=3)
print(json.dumps({
    'ms': ms,
    'maxRssMB': max_rss_mb(),
    'covers': 'summary only (CSV read untimed; no Parquet reader for pandas in Debian)',
    'transactions': int(len(df)),
    'customers': int(len(s)),
    'repeatBuyers': int((s.x > 0).sum()),
    'sumX': int(s.x.sum()),
}))
