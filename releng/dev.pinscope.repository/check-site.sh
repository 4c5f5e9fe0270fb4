#!/bin/sh
# The update site is what an IDE installs: it must hold the core and UI features and nothing of the
# standalone product (the RCP application bundle dev.pinscope.app and the product feature), and no
# unit on it may require the application. Tycho has already resolved the published features against
# the target platform while assembling the site (a missing requirement fails that step).
# Usage: check-site.sh REPOSITORY_DIR
set -eu
repo=${1:?usage: check-site.sh REPOSITORY_DIR}
fail() { echo "check-site: $*" >&2; exit 1; }
[ -f "$repo/content.jar" ] || fail "no content.jar in $repo"
content=$(unzip -p "$repo/content.jar" content.xml) || fail "cannot read $repo/content.jar"
for group in dev.pinscope.core.feature.feature.group dev.pinscope.ui.feature.feature.group; do
    echo "$content" | grep -q "<unit id='$group'" || fail "the site does not publish $group"
done
for bundle in dev.pinscope.model dev.pinscope.engine dev.pinscope.cli dev.pinscope.diagram dev.pinscope.debug.core \
        dev.pinscope.debug.ui dev.pinscope.results dev.pinscope.help; do
    echo "$content" | grep -q "<unit id='$bundle'" || fail "the site does not publish $bundle"
done
if echo "$content" | grep -q "<unit id='dev.pinscope.app'"; then
    fail "the site publishes the RCP application bundle dev.pinscope.app (an IDE install would get it)"
fi
if echo "$content" | grep -q "<unit id='dev.pinscope.feature.feature.group'"; then
    fail "the site publishes the product feature dev.pinscope.feature"
fi
if echo "$content" | grep -q "name='dev.pinscope.app'"; then
    fail "a unit on the site requires dev.pinscope.app: $(echo "$content" | grep -B30 "name='dev.pinscope.app'" | grep -o "<unit id='[^']*'" | tail -n 1)"
fi
echo "check-site: core and UI features published, no product feature, nothing requires dev.pinscope.app"
