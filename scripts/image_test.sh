#!/usr/bin/env bash
# The container users deploy, built and run here, with no image registry: a Python 3.11 base made
# with debootstrap (Debian bookworm: python3, pip, `python` on the PATH), imported into podman,
# then deploy/Dockerfile built on it with podman (vfs storage, runc) and the image run by
# tests/deploy/image_run.py against moto and a PostgreSQL the test starts.
#   scripts/image_test.sh            build the base (once, cached) and the image, then run the test
# Needs root (debootstrap, podman) and Debian's podman, runc and debootstrap (installed if missing).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v podman >/dev/null 2>&1 || missing+=(podman)
command -v runc >/dev/null 2>&1 || missing+=(runc)
command -v debootstrap >/dev/null 2>&1 || missing+=(debootstrap)
if ((${#missing[@]})); then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

BASE=localhost/tagwarden-python:3.11-bookworm
IMAGE=localhost/tagwarden:ci
CACHE=${TAGWARDEN_IMAGE_CACHE:-/var/tmp/tagwarden-image-cache}
mkdir -p "$CACHE"
# Its own storage, apart from any other podman use on the machine.
PODMAN=(podman --root "$CACHE/storage" --runroot "$CACHE/run" --storage-driver vfs --runtime runc)

if ! "${PODMAN[@]}" image exists "$BASE"; then
  if [ ! -f "$CACHE/base.tar" ]; then
    rootfs=$(mktemp -d)
    echo "debootstrap: Debian bookworm with Python 3.11 into $rootfs"
    # The Debian mirror this machine's apt already uses (the first source that serves bookworm).
    mirror=$(grep -rhE '^(deb |URIs:)' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null |
      grep -oE 'https?://[^ ]+' | grep -m1 '/debian/\?$' || true)
    if [ -z "$mirror" ]; then
      echo "image test: no Debian mirror in /etc/apt sources; cannot debootstrap the base" >&2
      exit 1
    fi
    debootstrap --variant=minbase --include=python3,python3-pip,python-is-python3,ca-certificates,passwd \
      bookworm "$rootfs" "$mirror" >"$CACHE/debootstrap.log"
    # The image's pip installs into the system Python, as the python:3.11-slim images allow.
    rm -f "$rootfs"/usr/lib/python3.11/EXTERNALLY-MANAGED
    rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
    chmod 755 "$rootfs"  # the image's /: mktemp made it 0700, which only root could enter
    tar -C "$rootfs" -cf "$CACHE/base.tar" .
    rm -rf "$rootfs"
  fi
  "${PODMAN[@]}" import --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' "$CACHE/base.tar" "$BASE" >/dev/null
fi

echo "podman build deploy/Dockerfile on $BASE"
mounts=()
for path in /etc/pip.conf /etc/xdg/pip "$HOME/.config/pip/pip.conf"; do
  [ -e "$path" ] && mounts+=(--volume "$path:${path/#$HOME//root}:ro")
done
"${PODMAN[@]}" build --no-cache --network host --ulimit nofile=1024:1024 --ulimit nproc=4096:4096 \
  --volume /etc/ssl/certs:/etc/ssl/certs:ro "${mounts[@]}" \
  --build-arg PYTHON_IMAGE="$BASE" -f deploy/Dockerfile -t "$IMAGE" . >"$CACHE/build.log" 2>&1 \
  || { tail -40 "$CACHE/build.log"; exit 1; }

TAGWARDEN_TEST_IMAGE=$IMAGE TAGWARDEN_IMAGE_CACHE=$CACHE exec .venv/bin/python -m pytest -p no:cacheprovider -q tests/deploy/image_run.py
