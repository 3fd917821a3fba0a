; Inno Setup script: a per-user installer for the one-folder build, for a laptop without admin
; rights. It installs below %LOCALAPPDATA%\Programs, adds a Start menu entry and an uninstaller,
; and never touches the user's data folder (%LOCALAPPDATA%\DigiD Assessment Wegwijzer).
; Build first (python packaging\build.py), then, from the repository root:
;     iscc /DAppVersion=0.1.0 packaging\installer.iss
; The workflow .github/workflows/windows.yml does both. Paths are relative to this file.

#define AppName "DigiD Assessment Wegwijzer"
#define ExeName "DigiD-Assessment-Wegwijzer.exe"
#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=x.y.z packaging\installer.iss
#endif

[Setup]
; The AppId ties updates and the uninstaller to earlier installs: never change it.
AppId={{6F0E2C5A-3B7D-4E51-9A2C-8D41B7E6F203}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
; No admin rights: with "lowest", {autopf} is %LOCALAPPDATA%\Programs and {autoprograms} the
; user's own Start menu, and Windows asks no UAC question.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DisableProgramGroupPage=yes
DisableDirPage=yes
UninstallDisplayIcon={app}\{#ExeName}
UninstallDisplayName={#AppName}
SetupIconFile=..\build\windows-resources\app.ico
OutputDir=..\dist\installer
OutputBaseFilename=DigiD-Assessment-Wegwijzer-{#AppVersion}-installatie
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
Name: "dutch"; MessagesFile: "compiler:Languages\Dutch.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\dist\onedir\DigiD-Assessment-Wegwijzer\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An update replaces the whole bundle: files a newer build no longer has must not linger.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#ExeName}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#ExeName}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#ExeName}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
