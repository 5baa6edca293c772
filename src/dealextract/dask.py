"""``dealextract.dask``: map the extractor over Dask bags and dataframes, or run batches on a cluster.

Needs the ``dask`` extra (``pip install 'dealextract[dask]'``).  See docs/batch.md for running on a
real cluster.
"""

from __future__ import annotations

from dealextract.batch.cluster import cluster_processor, extract_bag, extract_dataframe, results_of

__all__ = ["cluster_processor", "extract_bag", "extract_dataframe", "results_of"]
