"""Shell completion scripts for bash, zsh and PowerShell, generated from the argument parser,
so a new command or option completes as soon as it exists (``jtai-desktop completion SHELL``).

Commands, options and the fixed choices of an option complete; options that take a file or
folder complete paths. Inspection and record ids do not: listing them needs the passphrase.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field

SHELLS = ("bash", "zsh", "powershell")
PROGRAM = "jtai-desktop"
FILE_METAVARS = {"F", "FILE", "FILE.docx", "T"}
FOLDER_METAVARS = {"DIR", "PATH"}


@dataclass
class Option:
    flags: list[str]
    help: str
    takes_value: bool
    choices: list[str] = field(default_factory=list)
    kind: str = ""  # "file", "folder" or "" (free text)


@dataclass
class Command:
    name: str
    help: str
    options: list[Option]
    positionals: list[Option]


@dataclass
class Spec:
    options: list[Option]
    commands: list[Command]


def script(parser: argparse.ArgumentParser, shell: str) -> str:
    spec = describe(parser)
    return {"bash": bash, "zsh": zsh, "powershell": powershell}[shell](spec)


# --- reading the parser ---------------------------------------------------------------------


def describe(parser: argparse.ArgumentParser) -> Spec:
    options, commands = [], []
    for action in parser._actions:  # argparse keeps its actions there; it has no public view
        if isinstance(action, argparse._SubParsersAction):
            helps = {a.dest: a.help or "" for a in action._choices_actions}
            for name, sub in action.choices.items():
                sub_options = [_option(a) for a in sub._actions if _shown(a) and a.option_strings]
                positionals = [_option(a) for a in sub._actions if not a.option_strings]
                commands.append(Command(name, helps.get(name, ""), sub_options, positionals))
        elif _shown(action) and action.option_strings:
            options.append(_option(action))
    return Spec(options, commands)


def _shown(action: argparse.Action) -> bool:
    return action.help != argparse.SUPPRESS


def _option(action: argparse.Action) -> Option:
    metavar = action.metavar if isinstance(action.metavar, str) else ""
    kind = "file" if metavar in FILE_METAVARS else "folder" if metavar in FOLDER_METAVARS else ""
    return Option(
        flags=list(action.option_strings) or [metavar or action.dest.upper()],
        help=(action.help or "").split(" (")[0],
        takes_value=action.nargs != 0,
        choices=[str(c) for c in action.choices or ()],
        kind=kind,
    )


# --- bash -------------------------------------------------------------------------------------


def bash(spec: Spec) -> str:
    names = " ".join(c.name for c in spec.commands)
    lines = [
        f"# bash completion for {PROGRAM}, generated from its parser:",
        f"#   {PROGRAM} completion bash > ~/.local/share/bash-completion/completions/{PROGRAM}",
        "_jtai_desktop() {",
        '    local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"',
        '    local cmd="" i word',
        "    for ((i = 1; i < COMP_CWORD; i++)); do",
        '        word="${COMP_WORDS[i]}"',
        '        case "$word" in',
        f"            {_valued(spec.options) or '--'}) ((i++)) ;;",
        "            -*) ;;",
        '            *) cmd="$word"; break ;;',
        "        esac",
        "    done",
        '    case "$cmd" in',
        '        "")',
        *_bash_scope(spec.options, [], f"{names}", "            "),
        "            ;;",
    ]
    for command in spec.commands:
        lines += [f"        {command.name})"]
        lines += _bash_scope(command.options, command.positionals, "", "            ")
        lines += ["            ;;"]
    lines += [
        "    esac",
        "}",
        f"complete -o default -F _jtai_desktop {PROGRAM}",
        "",
    ]
    return "\n".join(lines)


def _bash_scope(options: list[Option], positionals: list[Option], words: str, pad: str):
    """Completing a value for the option just typed, else an option, else ``words``."""
    lines = [f'{pad}case "$prev" in']
    for option in options:
        if option.takes_value:
            lines.append(f"{pad}    {'|'.join(option.flags)}) {_bash_value(option)}; return ;;")
    lines.append(f"{pad}esac")
    flags = " ".join(flag for option in options for flag in option.flags)
    words = " ".join([words, *(c for p in positionals for c in p.choices)]).strip()
    fallback = f'COMPREPLY=($(compgen -W "{words}" -- "$cur"))'
    if any(p.kind for p in positionals):
        fallback = 'COMPREPLY=($(compgen -f -- "$cur"))'
    lines += [
        f'{pad}if [[ "$cur" == -* ]]; then',
        f'{pad}    COMPREPLY=($(compgen -W "{flags}" -- "$cur"))',
        f"{pad}else",
        f"{pad}    {fallback}",
        f"{pad}fi",
    ]
    return lines


def _bash_value(option: Option) -> str:
    if option.choices:
        return f'COMPREPLY=($(compgen -W "{" ".join(option.choices)}" -- "$cur"))'
    if option.kind == "folder":
        return 'COMPREPLY=($(compgen -d -- "$cur"))'
    if option.kind == "file":
        return 'COMPREPLY=($(compgen -f -- "$cur"))'
    return "COMPREPLY=()"


def _valued(options: list[Option]) -> str:
    return "|".join(flag for option in options if option.takes_value for flag in option.flags)


# --- zsh --------------------------------------------------------------------------------------


def zsh(spec: Spec) -> str:
    lines = [
        f"#compdef {PROGRAM}",
        f"# zsh completion for {PROGRAM}, generated from its parser: save it as _{PROGRAM} in a",
        f"# folder on $fpath, or run: source <({PROGRAM} completion zsh) after compinit.",
        "_jtai_desktop() {",
        '    local curcontext="$curcontext" state line',
        "    typeset -A opt_args",
        "    _arguments -C \\",
        *[f"        {_zsh_option(option)} \\" for option in spec.options],
        "        '1:command:->command' \\",
        "        '*::argument:->argument'",
        "    case $state in",
        "        command)",
        "            local -a commands",
        "            commands=(",
        *[" " * 16 + _zsh_quote(f"{c.name}:{_zsh_escape(c.help)}") for c in spec.commands],
        "            )",
        "            _describe -t commands 'command' commands",
        "            ;;",
        "        argument)",
        "            case $line[1] in",
    ]
    for command in spec.commands:
        specs = [_zsh_option(o) for o in command.options]
        specs += [_zsh_positional(n, p) for n, p in enumerate(command.positionals, 1)]
        lines += [f"                {command.name}) _arguments {' '.join(specs)} ;;"]
    lines += [
        "            esac",
        "            ;;",
        "    esac",
        "}",
        f'if [[ "$funcstack[1]" == "_{PROGRAM}" ]]; then',
        '    _jtai_desktop "$@"',
        "else",
        f"    compdef _jtai_desktop {PROGRAM}",
        "fi",
        "",
    ]
    return "\n".join(lines)


def _zsh_option(option: Option) -> str:
    names = option.flags[0] if len(option.flags) == 1 else "{" + ",".join(option.flags) + "}"
    text = f"[{_zsh_escape(option.help)}]"
    if not option.takes_value:
        return _zsh_quote(names + text) if len(option.flags) == 1 else names + _zsh_quote(text)
    value = f":{option.flags[0].lstrip('-')}:{_zsh_action(option)}"
    if len(option.flags) == 1:
        return _zsh_quote(names + text + value)
    return names + _zsh_quote(text + value)


def _zsh_positional(number: int, option: Option) -> str:
    return _zsh_quote(f"{number}:{option.flags[0].lower()}:{_zsh_action(option)}")


def _zsh_action(option: Option) -> str:
    if option.choices:
        return "(" + " ".join(option.choices) + ")"
    return {"file": "_files", "folder": "_files -/"}.get(option.kind, " ")


def _zsh_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]").replace(":", "\\:")


def _zsh_quote(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"


# --- PowerShell -------------------------------------------------------------------------------


def powershell(spec: Spec) -> str:
    def words(items) -> str:
        return "@(" + ", ".join(_ps_quote(i) for i in items) + ")"

    def flags(options: list[Option]) -> str:
        return words(f for o in options for f in o.flags)

    commands = [f"        {_ps_quote(c.name)} = {flags(c.options)}" for c in spec.commands]
    choices = [
        f"        {_ps_quote(f'{scope} {flag}')} = {words(o.choices)}"
        for scope, options in [("", spec.options)] + [(c.name, c.options) for c in spec.commands]
        for o in options
        if o.choices
        for flag in o.flags
    ]
    choices += [  # a command's positional choices, offered right after the command
        f"        {_ps_quote(c.name)} = {words(ch for p in c.positionals for ch in p.choices)}"
        for c in spec.commands
        if any(p.choices for p in c.positionals)
    ]
    valued = [f for o in spec.options if o.takes_value for f in o.flags]
    return "\n".join(
        [
            f"# PowerShell completion for {PROGRAM}, generated from its parser: add this line to",
            f"# your $PROFILE:  {PROGRAM} completion powershell | Out-String | Invoke-Expression",
            f"Register-ArgumentCompleter -Native -CommandName {_ps_quote(PROGRAM)}, "
            f"{_ps_quote(PROGRAM + '.exe')} -ScriptBlock {{",
            "    param($wordToComplete, $commandAst, $cursorPosition)",
            "    $commands = @{",
            *commands,
            "    }",
            "    $choices = @{",
            *choices,
            "    }",
            f"    $globals = {flags(spec.options)}",
            f"    $globalsWithValue = {words(valued)}",
            "    $before = @($commandAst.CommandElements | Where-Object {",
            "        $_.Extent.EndOffset -lt $cursorPosition } | ForEach-Object { $_.ToString() })",
            "    $command = ''",
            "    for ($i = 1; $i -lt $before.Count; $i++) {",
            "        if ($globalsWithValue -contains $before[$i]) { $i++; continue }",
            "        if ($before[$i] -notlike '-*') { $command = $before[$i]; break }",
            "    }",
            "    $previous = if ($before.Count -gt 0) { $before[-1] } else { '' }",
            '    $key = "$command $previous".Trim()',
            '    if (-not $command) { $key = " $previous" }',
            "    if ($command -and $previous -eq $command) { $key = $command }",
            "    if ($choices.ContainsKey($key)) { $candidates = $choices[$key] }",
            "    elseif (-not $command -and $wordToComplete -notlike '-*') {",
            "        $candidates = $commands.Keys }",
            "    elseif (-not $command) { $candidates = $globals }",
            "    else { $candidates = $commands[$command] }",
            '    $candidates | Where-Object { $_ -like "$wordToComplete*" } | Sort-Object |',
            "        ForEach-Object {",
            "            [System.Management.Automation.CompletionResult]::new(",
            "                $_, $_, 'ParameterValue', $_)",
            "        }",
            "}",
            "",
        ]
    )


def _ps_quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def add_parser(commands) -> None:
    completion = commands.add_parser(
        "completion",
        help="print a shell completion script (bash, zsh or powershell)",
        description=(
            "Print a completion script for your shell. bash: jtai-desktop completion bash > "
            "~/.local/share/bash-completion/completions/jtai-desktop; zsh: save it as "
            "_jtai-desktop in a folder on $fpath; PowerShell: add 'jtai-desktop completion "
            "powershell | Out-String | Invoke-Expression' to $PROFILE."
        ),
    )
    completion.add_argument("shell", choices=SHELLS)
