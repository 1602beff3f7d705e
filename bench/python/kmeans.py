"""k-means with scikit-learn on the same data as bench/cases/kmeans-100k.ts: StandardScaler, then
KMeans(n_clusters=5, n_init=1, max_iter=20, tol=0, algorithm='lloyd'), both in the timed section.
The CSV is read before it. Prints {"ms", "maxRssMB", ...}: `ms` with scikit-learn's default
threads (OpenMP, one per core), `ms1Thread` limited to one thread (threadpoolctl) for a per-core
comparison with the single-threaded TypeScript."""
import json, os, subprocess
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.preprocessing import StandardScaler
from threadpoolctl import threadpool_limits
from timing import max_rss_mb, time_median

HERE = os.path.dirname(os.path.abspath(__file__))
CSV = os.path.join(HERE, '..', 'raw', 'features-100k.csv')
if not os.path.exists(CSV):  # written by the seeded TypeScript generator, in its own process
    subprocess.run(['npx', 'tsx', os.path.join(HERE, '..', 'generate', 'features.ts')], check=True,
                   cwd=os.path.join(HERE, '..', '..'), stdout=subprocess.DEVNULL)

X = pd.read_csv(CSV).to_numpy()


def fit():
    Z = StandardScaler().fit_transform(X)
    return KMeans(n_clusters=5, n_init=1, max_iter=20, tol=0, algorithm='lloyd', random_state=1).fit(Z)


ms, km = time_median(fit, warmup=3)  # same protocol as bench/cases/kmeans-100k.ts
with threadpool_limits(limits=1):
    ms1, km1 = time_median(fit, warmup=3)
assert km1.n_iter_ == km.n_iter_
print(json.dumps({
    'ms': ms,
    'ms1Thread': ms1,
    'maxRssMB': max_rss_mb(),
    'iterations': int(km.n_iter_),
    'inertia': round(float(km.inertia_)),
}))
