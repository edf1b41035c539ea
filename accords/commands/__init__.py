"""Sub-commands beyond the core four, one module per idea.

Each module here defines ``register(group)`` adding its click commands to the
``accords`` group; :func:`register_all` calls them in name order, so adding a
command is adding a module.
"""

from __future__ import annotations

import importlib
import pkgutil

import click


def register_all(group: click.Group) -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(group)
