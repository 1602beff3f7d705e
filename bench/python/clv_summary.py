"""Customer summary (x, t_x, T, monetary + holdout) with pandas on the same CDNOW-like log as
bench/cases/clv-summary-1m.ts: one purchase per customer-day (amounts summed), repeat purchases after the
first day, weeks of 7 days, calibration to 1997-09-30, holdout to 1998-06-30 -- the rules of
customerSummary. Only the summary is timed (the `lifetimes` package, for the fits, is not
available here). The CSV is read (dates parsed) before the
timed section. Prints {"ms", "maxRssMB", ...}."""
import json, os, subprocess
import pandas as pd
from timing import max_rss_mb, time_median

HERE = os.path.dirname(os.path.abspath(__file__))
CUSTOMERS = 1_000_000
CSV = os.path.join(HERE, '..', 'raw', f'cdnow-like-{CUSTOMERS}.csv')
if not os.path.exists(CSV):  # written by the seeded TypeScript generator, in its own process
    subprocess.run(['npx', 'tsx', os.path.join(HERE, '..', 'generate', 'cdnow-like.ts'), str(CUSTOMERS)],
                   check=True, cwd=os.path.join(HERE, '..', '..'), stdout=subprocess.DEVNULL)

df = pd.read_csv(CSV, parse_dates=['date'])
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
    'covers': 'summary only',
    'customers': int(len(s)),
    'repeatBuyers': int((s.x > 0).sum()),
    'sumX': int(s.x.sum()),
    'sumXHoldout': int(s.x_holdout.sum()),
}))
