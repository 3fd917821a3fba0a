"""The version and icon Windows shows for the executable (Explorer, shortcuts, Properties).

Both are derived at build time, so the version has one source (model/version.py, which
pyproject.toml points to) and the icon has one source (resources/icons/app.svg).
"""

import ast
import re
import struct
import tomllib
from pathlib import Path

ICON_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)  # what Explorer and the taskbar ask for, 100–250 %
DUTCH_UNICODE = ("0413", "04B0")  # language nl-NL and code page 1200 (UTF-16): the app speaks Dutch


def project_version(pyproject: Path) -> str:
    """The version pip and setuptools see: static in pyproject.toml, or the attribute it names."""
    settings = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    if "version" in settings["project"]:
        return settings["project"]["version"]
    attribute = settings["tool"]["setuptools"]["dynamic"]["version"]["attr"]
    module, name = attribute.rsplit(".", 1)
    source = pyproject.parent.joinpath(*module.split(".")).with_suffix(".py")
    for node in ast.parse(source.read_text(encoding="utf-8")).body:
        assigned = [getattr(target, "id", None) for target in getattr(node, "targets", [])]
        if isinstance(node, ast.Assign) and name in assigned:
            return ast.literal_eval(node.value)
    raise ValueError(f"{source} does not assign {name}")


def version_numbers(version: str) -> tuple[int, int, int, int]:
    """Windows keeps four 16-bit numbers; '1.2.0rc1' becomes (1, 2, 0, 0), the text keeps 'rc1'."""
    release = re.match(r"\d+(\.\d+)*", version)
    if release is None:
        raise ValueError(f"version {version!r} does not start with a number")
    numbers = [int(part) for part in release.group().split(".")][:4]
    if any(number > 0xFFFF for number in numbers):
        raise ValueError(f"version {version!r} has a part above 65535, which Windows cannot store")
    return (*numbers, 0, 0, 0, 0)[:4]


def version_resource(version: str, product_name: str, executable_name: str) -> str:
    """PyInstaller's text form of a VS_VERSIONINFO resource (what its `version=` file argument reads)."""
    numbers = version_numbers(version)
    language, codepage = DUTCH_UNICODE
    strings = {
        "FileDescription": product_name,
        "FileVersion": version,
        "InternalName": executable_name,
        "OriginalFilename": f"{executable_name}.exe",
        "ProductName": product_name,
        "ProductVersion": version,
    }
    string_structs = ",\n          ".join(f"StringStruct({key!r}, {text!r})" for key, text in strings.items())
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers},
    prodvers={numbers},
    mask=0x3F,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0),
  ),
  kids=[
    StringFileInfo([
      StringTable(
        '{language}{codepage}',
        [
          {string_structs},
        ],
      ),
    ]),
    VarFileInfo([VarStruct('Translation', [0x{language}, 0x{codepage}])]),
  ],
)
"""


def ico_file(png_images: dict[int, bytes]) -> bytes:
    """A Windows .ico holding one PNG per size (readable by Windows Vista and later)."""
    header = struct.pack("<HHH", 0, 1, len(png_images))
    offset = len(header) + 16 * len(png_images)
    directory, images = b"", b""
    for size, png in sorted(png_images.items()):
        stored_size = 0 if size >= 256 else size  # the format stores 256 as 0
        entry = (stored_size, stored_size, 0, 0, 1, 32, len(png), offset + len(images))
        directory += struct.pack("<BBBBHHII", *entry)
        images += png
    return header + directory + images


def render_icon(svg: Path, sizes: tuple[int, ...] = ICON_SIZES) -> dict[int, bytes]:
    """PNG images of the SVG, each drawn at its own size so small icons stay sharp."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not a valid SVG file")
    images = {}
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        images[size] = bytes(data.data())
    return images
