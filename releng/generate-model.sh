#!/usr/bin/env bash
# Regenerates the EMF model and edit code of dev.pinscope.model(.edit) from
# bundles/dev.pinscope.model/model/pinscope.genmodel with EMF's own generator (no IDE needed).
# Hand edits marked @generated NOT survive (JDT merge). Use --check to only report stale files.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && [ -z "${JAVA_HOME:-}" ]; then
    export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
if [ "${1:-}" = "--check" ]; then
    exec ./mvnw -B -q -f releng/codegen/pom.xml test -Dtest=GeneratedCodeIsFreshTest
fi
exec ./mvnw -B -q -f releng/codegen/pom.xml -Pgenerate process-classes
