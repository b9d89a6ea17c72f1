"""Text columns for the output frames, built without an intermediate Series.

A friend's export yields a few hundred rows per frame, where pandas' fixed cost per
``pd.Series(...)`` (tens of microseconds) outweighs the work on the values: readers build
each column as an array and each frame with one ``pd.DataFrame({...})`` call.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from pandas.api.types import pandas_dtype


def str_array(values) -> np.ndarray | pd.api.extensions.ExtensionArray:
    """``values`` (Python ``str``) as the array ``pd.Series(values, dtype="str")`` holds.

    That is pandas' string array in pandas 3 (and in pandas 2.3 with the
    ``future.infer_string`` option), else plain objects; the dtype is looked up on each
    call, so it follows the option as ``pd.Series`` does. The values are taken as they
    are: callers pass strings only (an empty string is the frames' "missing").
    """
    dtype = pandas_dtype("str")
    if isinstance(dtype, pd.api.extensions.ExtensionDtype):
        array_type = dtype.construct_array_type()
        return array_type._from_sequence(np.asarray(values, dtype=object), dtype=dtype)  # type: ignore[attr-defined]
    return np.array(values, dtype=object)
