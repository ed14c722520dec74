"""Packaging: what `pip install .` puts in site-packages."""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def declared():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    return set(config["packages"]), config["package-dir"]


def test_every_package_folder_is_declared_under_the_auditor_namespace():
    packages, package_dir = declared()
    assert package_dir == {"auditor": "auditor", "auditor.plugins": "plugins"}
    on_disk = set()
    for top, name in (("auditor", "auditor"), ("plugins", "auditor.plugins")):
        for init in (ROOT / top).rglob("__init__.py"):
            relative = init.parent.relative_to(ROOT / top).parts
            on_disk.add(".".join((name, *relative)))
    assert packages == on_disk
    assert all(p == "auditor" or p.startswith("auditor.") for p in packages)  # no bare `plugins`


def test_built_in_plugins_load_through_the_entry_point_group():
    from importlib import metadata

    points = {ep.name: ep.value for ep in metadata.entry_points(group="auditor")}
    assert points["unnamed-sources"] == "auditor.plugins.unnamed_sources"
    assert points["paraphrased-quotes"] == "auditor.plugins.paraphrased_quotes"
    assert points["named-researchers"] == "auditor.plugins.named_researchers"
