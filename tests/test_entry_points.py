"""The cheap entry-point discovery finds what importlib.metadata finds."""

from importlib import metadata

import pytest

from auditor.entry_points import entry_points


@pytest.mark.parametrize("group", ["auditor", "console_scripts", "pytest11"])
def test_same_entry_points_as_importlib_metadata(group):
    theirs = {(ep.name, ep.value, ep.dist.version if ep.dist else None) for ep in metadata.entry_points(group=group)}
    ours = {(ep.name, ep.value, ep.version) for ep in entry_points(group)}
    assert ours == theirs
    if group == "auditor":
        assert {"unnamed-sources", "paraphrased-quotes", "named-researchers"} <= {name for name, _, _ in ours}


def test_an_entry_point_loads_its_module_or_attribute():
    (point,) = [ep for ep in entry_points("console_scripts") if ep.name == "auditor"]
    from auditor.cli import main

    assert point.value == "auditor.cli:main" and point.load() is main
