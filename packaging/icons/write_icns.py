#!/usr/bin/env python3
"""Write a macOS .icns file from PNG files (Python standard library only).

Usage: write_icns.py OUT.icns SIZE=FILE.png [SIZE=FILE.png ...]

Every entry is stored as PNG data under the OSType that macOS 10.7+ reads
for that pixel size (the @1x and @2x slots share one PNG when the pixel
size is the same). The file is only a container: a 4-byte magic 'icns',
a big-endian total length, then (type, length incl. 8-byte header, data)
records.
"""
import struct
import sys

# pixel size -> OSTypes that hold a PNG of exactly that many pixels
TYPES = {
    16: ["icp4"],           # 16x16
    32: ["icp5", "ic11"],   # 32x32, 16x16@2x
    64: ["icp6", "ic12"],   # 64x64, 32x32@2x
    128: ["ic07"],          # 128x128
    256: ["ic08", "ic13"],  # 256x256, 128x128@2x
    512: ["ic09", "ic14"],  # 512x512, 256x256@2x
    1024: ["ic10"],         # 512x512@2x
}
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    if not data.startswith(PNG_MAGIC) or data[12:16] != b"IHDR":
        raise ValueError("not a PNG file")
    return struct.unpack(">II", data[16:24])


def main(argv: list[str]) -> int:
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    out, specs = argv[1], argv[2:]
    records = []
    for spec in specs:
        size_text, path = spec.split("=", 1)
        size = int(size_text)
        with open(path, "rb") as f:
            data = f.read()
        w, h = png_size(data)
        if (w, h) != (size, size):
            raise SystemExit(f"{path}: is {w}x{h}, expected {size}x{size}")
        for ostype in TYPES[size]:
            records.append(ostype.encode("ascii") + struct.pack(">I", len(data) + 8) + data)
    body = b"".join(records)
    with open(out, "wb") as f:
        f.write(b"icns" + struct.pack(">I", len(body) + 8) + body)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
