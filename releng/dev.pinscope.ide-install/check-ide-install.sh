#!/bin/sh
# Reads what the p2 director installed from the update site's core and UI features into an empty
# installation (see pom.xml) and fails unless it is what an IDE user should get: the model, engine,
# debugger (core and UI), diagram and GEF, and nothing of the standalone product (the RCP application
# bundle, the product feature, the product's runtime feature). The two GEF compatibility fragments come
# with the UI feature (GEF 3.2 does not link on today's platform without them); they may only add classes
# their hosts lack, never replace one of the IDE's own JFace/workbench classes.
# Usage: check-ide-install.sh INSTALL_DIR
set -eu
ide=${1:?usage: check-ide-install.sh INSTALL_DIR}
fail() { echo "check-ide-install: $*" >&2; exit 1; }
[ -d "$ide/plugins" ] || fail "nothing was installed into $ide"
has() { ls "$ide/$1" 2>/dev/null | grep -q "^$2_"; }
for bundle in dev.pinscope.model dev.pinscope.engine dev.pinscope.cli dev.pinscope.debug.core dev.pinscope.debug.ui \
        dev.pinscope.diagram dev.pinscope.results dev.pinscope.help org.eclipse.gef org.eclipse.draw2d; do
    has plugins "$bundle" || fail "installing the site's features did not install $bundle"
done
has plugins dev.pinscope.app && fail "installing the site's features installed the RCP application bundle dev.pinscope.app"
for feature in dev.pinscope.feature dev.pinscope.rcp.feature; do
    has features "$feature" && fail "installing the site's features installed the product's feature $feature"
done
for pair in dev.pinscope.gefcompat.jface:org.eclipse.jface dev.pinscope.gefcompat.workbench:org.eclipse.ui.workbench; do
    fragment=$(ls "$ide"/plugins/${pair%%:*}_*.jar 2>/dev/null | head -n 1)
    host=$(ls "$ide"/plugins/${pair##*:}_*.jar 2>/dev/null | head -n 1)
    [ -n "$fragment" ] || fail "the UI feature did not install ${pair%%:*} (GEF 3.2 needs it)"
    [ -n "$host" ] || fail "no ${pair##*:} was installed beside ${pair%%:*}"
    added=$(unzip -Z1 "$fragment" | grep '\.class$' || true)
    [ -n "$added" ] || fail "$fragment holds no class"
    hostClasses=$(unzip -Z1 "$host" | grep '\.class$')
    for c in $added; do
        echo "$hostClasses" | grep -qxF "$c" && fail "${pair%%:*} replaces $c of ${pair##*:}"
    done
done
bundles=$(ls "$ide/plugins" | wc -l)
echo "check-ide-install: $bundles units installed from the core and UI features; no dev.pinscope.app, no product or runtime feature; the compatibility fragments only add classes"
