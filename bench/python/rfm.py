"""RFM with pandas on the same log as bench/cases/rfm-1m.ts: groupby summary (last date, count,
sum) then 5-bin scores by type-7 quantile breaks (Series.quantile, 'linear') and
np.searchsorted(side='right') -- the same rule as rfmScores, recency reversed.
The CSV is read (dates parsed) before the timed section. Prints {"ms", "maxRssMB", ...}."""
import json, os, subprocess, sys
import numpy as np
import pandas as pd
from timing import max_rss_mb, time_median

HERE = os.path.dirname(os.path.abspath(__file__))
CSV = os.path.join(HERE, '..', 'raw', 'transactions-1m.csv')
if not os.path.exists(CSV):  # written by the seeded TypeScript generator, in its own process
    subprocess.run(['npx', 'tsx', os.path.join(HERE, '..', 'generate', 'transactions.ts')], check=True,
                   cwd=os.path.join(HERE, '..', '..'), stdout=subprocess.DEVNULL)

df = pd.read_csv(CSV, parse_dates=['date'])
AS_OF = pd.Timestamp('2024-12-31')
Q = np.arange(1, 5) / 5


def score(x, reverse=False):
    breaks = x.quantile(Q).to_numpy()  # type 7
    s = np.searchsorted(breaks, x.to_numpy(), side='right') + 1
    return 6 - s if reverse else s


def rfm():
    g = df.groupby('customer').agg(last=('date', 'max'), frequency=('date', 'size'), monetary=('amount', 'sum'))
    g['recency'] = (AS_OF - g['last']).dt.days
    g['R'] = score(g['recency'], reverse=True)
    g['F'] = score(g['frequency'])
    g['M'] = score(g['monetary'])
    return g


ms, g = time_median(rfm)
print(json.dumps({
    'ms': ms,
    'maxRssMB': max_rss_mb(),
    'customers': int(len(g)),
    'monetaryTotal': round(float(g['monetary'].sum()), 2),
    'r5': int((g['R'] == 5).sum()),
}))
