#!/bin/sh
# The build step of docker-compose.yml's plugin-build service. It runs as the owner of the checkout (the service
# drops from root to that user before it calls this script), reads the checkout at $SRC, works in $WORK (the
# plugin-workspace volume, outside the checkout) and writes nothing in the checkout but dist/:
#
#   1. copies the sources into $WORK, without node_modules, dist, .git, .tmp and .env;
#   2. runs npm ci in $WORK, unless package-lock.json and Node are what the last successful install had (the
#      stamp is stored inside $WORK/node_modules, so a failed or interrupted install leaves none behind);
#   3. runs npm run build in $WORK and puts the result into $SRC/dist.
#
# The seeder (the setup service) runs from the same $WORK afterwards.
set -eu

SRC="${SRC:-/src}"
WORK="${WORK:-/build}"
STAMP="$WORK/node_modules/.package-lock.sha256"

say() {
  echo "plugin-build: $*"
}

# 1. A fresh copy of the sources, so a file deleted in the checkout does not linger in the workspace.
#    Through an archive file rather than a pipe: sh has no pipefail, and a failed read must stop the build.
find "$WORK" -mindepth 1 -maxdepth 1 ! -name node_modules -exec rm -rf {} +
archive="$WORK/.sources.tar"
tar -C "$SRC" --exclude=node_modules --exclude=./dist --exclude=./.git --exclude=./.tmp --exclude=./.env \
  -cf "$archive" .
tar -C "$WORK" -xf "$archive"
rm -f "$archive"
cd "$WORK"

# 2. Dependencies. The stamp names the lock file's hash and the Node version (native modules follow Node).
wanted="$(sha256sum <package-lock.json | cut -d ' ' -f 1) node $(node --version)"
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$wanted" ]; then
  say "package-lock.json unchanged since the last install, npm ci skipped"
else
  rm -f "$STAMP"
  npm ci --no-audit --no-fund
  printf '%s\n' "$wanted" >"$STAMP"
fi

# 3. Build, then replace the contents of $SRC/dist. The directory itself stays: Grafana bind-mounts it, and a
#    directory removed and created anew would leave a running Grafana looking at the old, deleted one.
npm run build
mkdir -p "$SRC/dist"
find "$SRC/dist" -mindepth 1 -delete
cp -R "$WORK/dist/." "$SRC/dist/"
say "dist/ written"
