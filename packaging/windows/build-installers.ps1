# Builds Atelier's Windows installers (.msi and .exe) on a Windows machine with a JDK 25 and the WiX Toolset 3.x
# (jpackage needs WiX for both). Mirrors packaging/build-installers.sh: jlink'd runtime with the JDK and JavaFX
# modules, two launchers (Atelier = studio, atelier = console CLI), an AppCDS archive from a training run,
# a file association for *.atelier projects. Run from the repository root:
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build-installers.ps1
# The Maven build must run on Windows so that app\target\lib holds the -win JavaFX jars and the win-x86_64
# natives (OpenBLAS/ARPACK, PyTorch) — the engine's pom selects them by the os profile.
$ErrorActionPreference = "Stop"
$Root = (Resolve-Path "$PSScriptRoot\..\..").Path
$Jdk = $env:ATELIER_JAVA_HOME; if (-not $Jdk) { $Jdk = $env:JAVA_HOME }
if (-not $Jdk -or -not (Test-Path "$Jdk\bin\jpackage.exe")) { throw "Set ATELIER_JAVA_HOME to a JDK 25" }
$Version = "0.1.0"
$Out = "$Root\packaging\target\installer"; $Stage = "$Root\packaging\target\stage"
& "$Root\mvnw.cmd" -B -q -DskipTests install; if ($LASTEXITCODE -ne 0) { throw "Maven build failed" }
Remove-Item -Recurse -Force $Out, $Stage -ErrorAction SilentlyContinue
New-Item -ItemType Directory "$Stage\input", "$Stage\fxmods", $Out | Out-Null
Get-ChildItem "$Root\app\target\lib\*.jar" | ForEach-Object {
  if ($_.Name -like "javafx-*-win.jar") { Copy-Item $_ "$Stage\fxmods" }
  elseif ($_.Name -notlike "javafx-*") { Copy-Item $_ "$Stage\input" }
}
Copy-Item (Get-ChildItem "$Root\app\target\atelier-app-*.jar" | Where-Object { $_.Name -notlike "*-tests*" })[0] "$Stage\input\atelier-app.jar"
Copy-Item "$Root\packaging\conf\logging.properties" "$Stage\input"
$Modules = (Get-Content "$Root\packaging\conf\runtime-modules.txt" | Where-Object { $_ -and -not $_.StartsWith("#") }) -join ","
& "$Jdk\bin\jlink" --module-path "$Stage\fxmods" --add-modules $Modules --strip-debug --no-header-files `
  --no-man-pages --compress=zip-6 --generate-cds-archive --output "$Stage\runtime"
$Common = @("--name", "Atelier", "--app-version", $Version, "--vendor", "Atelier developers",
  "--icon", "$Root\packaging\windows\atelier.ico")
& "$Jdk\bin\jpackage" --type app-image --dest $Out --input "$Stage\input" --main-jar atelier-app.jar `
  --main-class dev.atelier.app.Main --runtime-image "$Stage\runtime" `
  --add-launcher "atelier=$Root\packaging\windows\cli-launcher.properties" `
  --java-options "--enable-native-access=ALL-UNNAMED,javafx.graphics" `
  --java-options "--sun-misc-unsafe-memory-access=allow" --java-options "-Xss4m" `
  --java-options '-Djava.util.logging.config.file=$APPDIR\logging.properties' `
  --java-options "-XX:+AutoCreateSharedArchive" --java-options '-XX:SharedArchiveFile=$APPDIR\atelier.jsa' @Common
# training run: the studio draws its first frame and quits, leaving atelier.jsa in the image
$env:JAVA_TOOL_OPTIONS = "-Datelier.startup.probe=exit"; & "$Out\Atelier\Atelier.exe"; Remove-Item Env:JAVA_TOOL_OPTIONS
foreach ($type in "msi", "exe") {
  & "$Jdk\bin\jpackage" --type $type --dest $Out --app-image "$Out\Atelier" @Common `
    --file-associations "$Root\packaging\linux\project-association.properties" --license-file "$Root\LICENSE" `
    --win-menu --win-menu-group Atelier --win-shortcut --win-dir-chooser --win-per-user-install `
    --win-upgrade-uuid 8d0c8a53-3b9e-4f6a-9f43-7a2f7f6f2c11
}
