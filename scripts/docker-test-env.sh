#!/usr/bin/env bash
# Prepares a Docker engine for dlint's build-and-run tests on a Debian machine without Docker Hub:
# installs Debian's docker.io and starts dockerd when no engine answers, then builds the local base
# images the test contexts in testdata/build/ use.
#   scripts/docker-test-env.sh           dlint-test/busybox:1 (busybox-static, a few seconds)
#   scripts/docker-test-env.sh --debian  also dlint-test/debian:bookworm and dlint-test/python:3
#                                        (debootstrap minbase with python3, about a minute)
#   scripts/docker-test-env.sh --podman  also Debian's podman, serving Docker's API at
#                                        unix:///run/podman/podman.sock, with the same images
# Options combine. Needs root. Safe to run again: what exists is kept.
set -euo pipefail

debian=false
podman=false
for option in "$@"; do
  case "$option" in
    --debian) debian=true ;;
    --podman) podman=true ;;
    *) echo "unknown option $option (expected --debian, --podman)" >&2; exit 2 ;;
  esac
done

log="${TMPDIR:-/tmp}/dlint-dockerd.log"
if ! command -v docker >/dev/null 2>&1 || ! command -v dockerd >/dev/null 2>&1; then
  echo "== installing docker.io"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io >/dev/null
fi
if ! docker info >/dev/null 2>&1; then
  echo "== starting dockerd (log: $log)"
  (cd / && setsid dockerd >"$log" 2>&1 &)
  for _ in $(seq 1 120); do
    docker info >/dev/null 2>&1 && break
    sleep 0.5
  done
  docker info >/dev/null 2>&1 || { tail -20 "$log" >&2; echo "dockerd did not start" >&2; exit 1; }
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! docker image inspect dlint-test/busybox:1 >/dev/null 2>&1; then
  echo "== building dlint-test/busybox:1"
  (cd "$work" && apt-get download -qq busybox-static >/dev/null 2>&1) \
    || { apt-get update -qq && (cd "$work" && apt-get download -qq busybox-static >/dev/null); }
  dpkg-deb -x "$work"/busybox-static_*.deb "$work/pkg"
  root="$work/rootfs"
  mkdir -p "$root"/{bin,etc,tmp,proc,sys,dev,root}
  chmod 1777 "$root/tmp"
  cp "$work/pkg/bin/busybox" "$root/bin/busybox"
  for applet in $("$root/bin/busybox" --list); do
    [ "$applet" = busybox ] || ln -sf busybox "$root/bin/$applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' >"$root/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"
  tar -C "$root" -c . | docker import -c 'ENV PATH=/bin' -c 'CMD ["sh"]' - dlint-test/busybox:1 >/dev/null
fi

if $debian && ! docker image inspect dlint-test/python:3 >/dev/null 2>&1; then
  echo "== building dlint-test/debian:bookworm and dlint-test/python:3"
  command -v debootstrap >/dev/null 2>&1 \
    || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
  # The Debian mirror apt already uses: the only one reachable.
  mirror=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  [ -n "$mirror" ] || mirror=$(awk '$1 == "deb" {print $2; exit}' /etc/apt/sources.list)
  debootstrap --variant=minbase --include=python3 bookworm "$work/debian" "$mirror" >"$work/debootstrap.log" 2>&1 \
    || { tail -20 "$work/debootstrap.log" >&2; exit 1; }
  rm -rf "$work"/debian/var/cache/apt/archives/*.deb "$work"/debian/var/lib/apt/lists/*
  tar -C "$work/debian" -c . | docker import -c 'CMD ["bash"]' - dlint-test/debian:bookworm >/dev/null
  docker tag dlint-test/debian:bookworm dlint-test/python:3
fi
echo "== docker ready: $(docker version --format '{{.Server.Version}} (API {{.Server.APIVersion}})')"

if $podman; then
  socket=/run/podman/podman.sock
  if ! command -v podman >/dev/null 2>&1; then
    echo "== installing podman"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman >/dev/null \
      || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman >/dev/null; }
  fi
  for image in dlint-test/busybox:1 dlint-test/python:3; do
    if docker image inspect "$image" >/dev/null 2>&1 && ! podman image exists "$image"; then
      docker save "$image" | podman load -q >/dev/null
    fi
  done
  # Podman raises each container's open-files and process limits to its defaults; in a sandbox whose
  # own hard limits are lower, runc may not, and no container starts. Defaults within reach fix it.
  if ! podman run --rm dlint-test/busybox:1 true >/dev/null 2>&1 && [ ! -e /etc/containers/containers.conf ]; then
    nofile=$(ulimit -Hn)
    nproc=$(ulimit -Hu)
    [ "$nproc" = unlimited ] || [ "$nproc" -gt 32768 ] && nproc=32768
    mkdir -p /etc/containers
    printf '[containers]\ndefault_ulimits = ["nofile=%s:%s", "nproc=%s:%s"]\n' \
      "$nofile" "$nofile" "$nproc" "$nproc" >/etc/containers/containers.conf
  fi
  podman run --rm dlint-test/busybox:1 true >/dev/null || { echo "podman cannot run containers here" >&2; exit 1; }
  if ! DOCKER_HOST="unix://$socket" docker version >/dev/null 2>&1; then
    mkdir -p "$(dirname "$socket")"
    # From /: the service outlives this checkout, and conmon fails once its working directory is gone.
    (cd / && setsid podman system service --time=0 "unix://$socket" >"${TMPDIR:-/tmp}/dlint-podman.log" 2>&1 &)
    for _ in $(seq 1 60); do
      DOCKER_HOST="unix://$socket" docker version >/dev/null 2>&1 && break
      sleep 0.5
    done
  fi
  echo "== podman ready: $(DOCKER_HOST="unix://$socket" docker version --format '{{.Server.Version}}')"
fi
