"""`torchrun` for PyTorch builds whose launcher breaks on Python 3.11+ (PyTorch < 2.0, e.g.
Debian 12's python3-torch 1.13): same arguments, same behaviour.

    python3 launch.py --standalone --nproc_per_node=2 train.py --data big.csv

Python 3.11 stopped listing the zero and multi-bit members of an IntFlag when iterating it,
so torch 1.13's Std.from_str("0") (the default of --redirects and --tee) returns None and the
launcher fails with "'NoneType' object has no attribute 'get'". This maps the value directly.
PyTorch 1.x also spells the options with underscores only (--max_restarts, --rdzv_backend):
the hyphenated spellings of PyTorch 2 (--max-restarts, --rdzv-backend, ...) are translated.
"""

import re
import sys

from torch.distributed.elastic.multiprocessing import api


def _from_str(vm):
    if re.match(api._VALUE_REGEX, vm):
        return api.Std(int(vm))
    if re.match(api._MAPPING_REGEX, vm):
        return {int(i): api.Std(int(v)) for i, v in (m.split(":") for m in vm.split(","))}
    raise ValueError(f"{vm} does not match: <{api._VALUE_REGEX}> or <{api._MAPPING_REGEX}>")


api.Std.from_str = staticmethod(_from_str)


def underscored(argv):
    """--rdzv-backend=c10d -> --rdzv_backend=c10d, for the launcher's options before the script."""
    out = []
    for i, arg in enumerate(argv):
        if arg.endswith(".py") and not arg.startswith("-"):
            return out + argv[i:]
        if arg.startswith("--"):
            name, eq, value = arg[2:].partition("=")
            arg = "--" + name.replace("-", "_") + eq + value
        out.append(arg)
    return out


if __name__ == "__main__":
    from torch.distributed.run import main

    sys.argv = ["torchrun"] + underscored(sys.argv[1:])
    main()
