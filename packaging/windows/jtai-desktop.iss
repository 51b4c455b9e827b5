; Inno Setup script: the Windows installer of jtai-desktop (Inno Setup 6.2 or later).
;
;   python packaging\build.py                       (on Windows: makes dist\jtai-desktop\)
;   iscc packaging\windows\jtai-desktop.iss         (makes dist\installer\jtai-desktop-<version>-setup.exe)
;
; The version is read from the built program's version information (the spec writes it
; from jtai_desktop.__version__), so there is nothing to edit per release.
;
; A per-user install by default: no administrator rights needed on an inspector's managed
; laptop (the installer offers an all-users install to an administrator). Users' data is not
; in the install folder but in %LOCALAPPDATA%\jtai-desktop, and uninstalling leaves it there.

#define AppName "JTAI Desktop"
#define ExeName "jtai-desktop.exe"
#define GuiExeName "jtai-desktop-gui.exe"
#define Bundle "..\..\dist\jtai-desktop"
#define AppVersion GetVersionNumbersString(AddBackslash(SourcePath) + Bundle + "\" + ExeName)

[Setup]
; The AppId identifies the app across versions: never change it.
AppId={{6F2E3C1A-8B4D-4E57-9C21-4A7D1E0B5F38}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=jtai-desktop
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist\installer
OutputBaseFilename=jtai-desktop-{#AppVersion}-setup
SetupIconFile=..\icons\jtai-desktop.ico
UninstallDisplayIcon={app}\{#GuiExeName}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
; Closes a running copy before replacing its files.
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
; The licences also beside the program, where people look for them.
Source: "..\THIRD_PARTY_LICENSES.md"; DestDir: "{app}"; Flags: ignoreversion

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#GuiExeName}"; Comment: "Offline workspace for joint targeted area inspections"
Name: "{autoprograms}\{#AppName} demo"; Filename: "{app}\{#GuiExeName}"; Parameters: "--demo"; Comment: "Open the demo inspection"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#GuiExeName}"; Tasks: desktopicon

[Registry]
; The app's own file types: an invitation from the lead and a team's sync bundle open in the
; app when double-clicked (the path arrives as the first argument; jtai_desktop/ui/file_open.py).
; HKA is HKCU for a per-user install and HKLM for an all-users one.
Root: HKA; Subkey: "Software\Classes\.jtai-invite"; ValueType: string; ValueName: ""; ValueData: "JTAIDesktop.Invite"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.jtai-invite"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-jtai-invite"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\JTAIDesktop.Invite"; ValueType: string; ValueName: ""; ValueData: "JTAI inspection invitation"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\JTAIDesktop.Invite\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#GuiExeName},0"
Root: HKA; Subkey: "Software\Classes\JTAIDesktop.Invite\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#GuiExeName}"" ""%1"""
; ".bundle" is a common extension, so the app is offered (Open with) rather than made the default.
Root: HKA; Subkey: "Software\Classes\.bundle\OpenWithProgids"; ValueType: string; ValueName: "JTAIDesktop.Bundle"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\JTAIDesktop.Bundle"; ValueType: string; ValueName: ""; ValueData: "JTAI sync bundle"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\JTAIDesktop.Bundle\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#GuiExeName},0"
Root: HKA; Subkey: "Software\Classes\JTAIDesktop.Bundle\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#GuiExeName}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#GuiExeName}\SupportedTypes"; ValueType: string; ValueName: ".jtai-invite"; ValueData: ""; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#GuiExeName}\SupportedTypes"; ValueType: string; ValueName: ".bundle"; ValueData: ""

[Run]
; The installer's own check that the installed app starts (the same smoke test as CI runs).
Filename: "{app}\{#ExeName}"; Parameters: "--version"; Flags: runhidden waituntilterminated; StatusMsg: "Checking the installed app…"
Filename: "{app}\{#GuiExeName}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the installer put there; the user's data folder (%LOCALAPPDATA%\jtai-desktop) stays.
Type: filesandordirs; Name: "{app}\_internal"
