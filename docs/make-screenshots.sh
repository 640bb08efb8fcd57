#!/usr/bin/env bash
# Makes docs/images/web-app-board.png and docs/images/web-app-case.png: the browser test that drives the
# web app in Debian's chromium (bridge/Jidoka.Bridge.Web.Tests, ScreenshotTests) against a real bridge with
# four test nodes in two cells, one of them tripped with its case, writes them here.
set -euo pipefail
cd "$(dirname "$0")/.."
export JIDOKA_SCREENSHOTS="$PWD/docs/images"
dotnet test bridge/Jidoka.Bridge.Web.Tests --filter "FullyQualifiedName~ScreenshotTests"
ls -l docs/images/web-app-*.png
