"""The built-in checks, installed as ``auditor.plugins`` and loaded through the
``auditor`` entry-point group exactly like third-party plugins."""
