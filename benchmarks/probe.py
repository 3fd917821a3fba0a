"""Child-process entry: `probe.py APP_DIR MODULE JSON_ARGUMENTS` prints MODULE.probe(**arguments) as JSON.

APP_DIR goes first on sys.path, so `model` and `gui` come from the app (or a scratch copy of it).
"""

import importlib
import json
import os
import sys


def main() -> None:
    app_dir, module, arguments = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, app_dir)
    result = importlib.import_module(module).probe(**arguments)
    sys.stdout.write("\n" + json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
