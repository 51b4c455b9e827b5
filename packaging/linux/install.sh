#!/bin/sh
# Install jtai-desktop for the current user on Linux: the program, its menu entry, its icon,
# and the app's file types (invitations and sync bundles open in the app when double-clicked).
#
#   sh install.sh               install (or update)
#   sh install.sh --uninstall   remove all of it again (the data folder is never touched)
#
# Where the program comes from, first found:
#   1. the built bundle this script sits in (dist/jtai-desktop/install.sh, copied by
#      packaging/build.py), or dist/jtai-desktop/ next to packaging/ in a source checkout:
#      copied to ~/.local/lib/jtai-desktop, linked as ~/.local/bin/jtai-desktop;
#   2. a `jtai-desktop` already on PATH (pip install): used where it is.
#
# Uses the xdg-utils tools (xdg-icon-resource, xdg-desktop-menu, xdg-mime) where they are
# installed, and otherwise copies the files into the XDG folders and refreshes the caches
# with whichever of update-mime-database, update-desktop-database and gtk-update-icon-cache
# exist. Nothing needs root; nothing is written outside $HOME (or $XDG_DATA_HOME).
set -eu

NAME=jtai-desktop
TYPES="application/x-jtai-invite application/x-jtai-bundle"
SIZES="16 24 32 48 64 128 256 512"
HERE=$(cd "$(dirname "$0")" && pwd)
DATA_HOME=${XDG_DATA_HOME:-$HOME/.local/share}
APP_DIR=${JTAI_INSTALL_DIR:-$HOME/.local/lib/$NAME}
BIN_DIR=${JTAI_BIN_DIR:-$HOME/.local/bin}

# The desktop files: beside this script in a bundle (share/), or in packaging/ of a checkout.
if [ -f "$HERE/share/$NAME.desktop" ]; then
    SHARE=$HERE/share
    ICONS=$SHARE/icons
    MIME_XML=$SHARE/$NAME.xml
    BUNDLE=$HERE
else
    SHARE=$(cd "$HERE/.." && pwd)
    ICONS=$SHARE/icons
    MIME_XML=$SHARE/mime/$NAME.xml
    BUNDLE=$(cd "$SHARE/.." && pwd)/dist/$NAME
fi
DESKTOP_SOURCE=$SHARE/$NAME.desktop

have() { command -v "$1" >/dev/null 2>&1; }
say() { printf '%s\n' "$*"; }

install_program() {
    if [ -x "$BUNDLE/$NAME" ] && [ -d "$BUNDLE/_internal" ]; then
        if [ "$BUNDLE" != "$APP_DIR" ]; then
            rm -rf "$APP_DIR.new"
            mkdir -p "$(dirname "$APP_DIR")"
            cp -a "$BUNDLE" "$APP_DIR.new"
            rm -rf "$APP_DIR"
            mv "$APP_DIR.new" "$APP_DIR"
        fi
        mkdir -p "$BIN_DIR"
        ln -sf "$APP_DIR/$NAME" "$BIN_DIR/$NAME"
        PROGRAM=$APP_DIR/$NAME
        say "Installed the app in $APP_DIR (command: $BIN_DIR/$NAME)"
    elif have "$NAME"; then
        PROGRAM=$(command -v "$NAME")
        say "Using the installed command $PROGRAM"
    else
        say "No bundle found at $BUNDLE and no '$NAME' command on PATH." >&2
        say "Build one first: python packaging/build.py" >&2
        exit 1
    fi
}

install_icons() {
    for size in $SIZES; do
        png=$ICONS/$NAME-$size.png
        [ -f "$png" ] || continue
        if have xdg-icon-resource; then
            xdg-icon-resource install --mode user --noupdate --novendor --context apps --size "$size" "$png" "$NAME"
        else
            mkdir -p "$DATA_HOME/icons/hicolor/${size}x$size/apps"
            cp "$png" "$DATA_HOME/icons/hicolor/${size}x$size/apps/$NAME.png"
        fi
    done
    if have xdg-icon-resource; then
        xdg-icon-resource forceupdate --mode user || true
    elif have gtk-update-icon-cache; then
        gtk-update-icon-cache -q -t "$DATA_HOME/icons/hicolor" || true
    fi
}

install_desktop_entry() {
    tmp=$(mktemp -d)
    # The full path, so the menu entry works even where ~/.local/bin is not on PATH.
    sed -e "s|^Exec=$NAME|Exec=\"$PROGRAM\"|" -e "s|^TryExec=$NAME|TryExec=$PROGRAM|" \
        "$DESKTOP_SOURCE" > "$tmp/$NAME.desktop"
    if have xdg-desktop-menu; then
        xdg-desktop-menu install --mode user --novendor "$tmp/$NAME.desktop"
    else
        mkdir -p "$DATA_HOME/applications"
        cp "$tmp/$NAME.desktop" "$DATA_HOME/applications/$NAME.desktop"
        if have update-desktop-database; then
            update-desktop-database -q "$DATA_HOME/applications" || true
        fi
    fi
    rm -rf "$tmp"
}

install_mime_types() {
    if have xdg-mime; then
        xdg-mime install --mode user --novendor "$MIME_XML"
        # shellcheck disable=SC2086 # TYPES is a list
        xdg-mime default "$NAME.desktop" $TYPES || true
    else
        mkdir -p "$DATA_HOME/mime/packages"
        cp "$MIME_XML" "$DATA_HOME/mime/packages/$NAME.xml"
        if have update-mime-database; then
            update-mime-database "$DATA_HOME/mime" || true
        fi
        list=$DATA_HOME/applications/mimeapps.list
        mkdir -p "$DATA_HOME/applications"
        for type in $TYPES; do
            grep -q "^$type=" "$list" 2>/dev/null ||
                printf '[Default Applications]\n%s=%s.desktop\n' "$type" "$NAME" >> "$list"
        done
    fi
}

uninstall() {
    if have xdg-desktop-menu; then
        xdg-desktop-menu uninstall --mode user --noupdate "$NAME.desktop" 2>/dev/null || true
    fi
    rm -f "$DATA_HOME/applications/$NAME.desktop"
    if have xdg-mime; then
        xdg-mime uninstall --mode user --novendor "$MIME_XML" 2>/dev/null || true
    fi
    rm -f "$DATA_HOME/mime/packages/$NAME.xml"
    if have update-mime-database && [ -d "$DATA_HOME/mime" ]; then
        update-mime-database "$DATA_HOME/mime" || true
    fi
    for size in $SIZES; do
        if have xdg-icon-resource; then
            xdg-icon-resource uninstall --mode user --noupdate --context apps --size "$size" "$NAME" 2>/dev/null || true
        fi
        rm -f "$DATA_HOME/icons/hicolor/${size}x$size/apps/$NAME.png"
    done
    if [ -L "$BIN_DIR/$NAME" ]; then
        rm -f "$BIN_DIR/$NAME"
    fi
    rm -rf "$APP_DIR"
    say "Removed jtai-desktop's program, menu entry, icon and file types."
    say "Your data folder ($DATA_HOME/$NAME) was left as it is."
}

case "${1:-}" in
    --uninstall) uninstall ;;
    "")
        install_program
        install_icons
        install_desktop_entry
        install_mime_types
        say "Added JTAI Desktop to the applications menu; invitations (*.jtai-invite) and"
        say "sync bundles now open in it."
        ;;
    *) say "usage: sh $0 [--uninstall]" >&2; exit 2 ;;
esac
