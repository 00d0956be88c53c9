# Installs mrv-edge to run at boot on Windows (run in an elevated PowerShell):
#
#   .\mrv-edge-service.ps1 -Binary .\mrv-edge-win-x64.exe -Keygen 2     (device keys; prints their did:keys)
#   .\mrv-edge-service.ps1 -Binary .\mrv-edge-win-x64.exe -Pairing '{"v":1,"kind":"gateway",…}' -ServerCa .\server-cert.pem
#   .\mrv-edge-service.ps1 -Uninstall
#
# mrv-edge is a console program and does not speak the Service Control Manager protocol, so a bare
# `sc.exe create` service would be killed after 30 s. Windows' own Task Scheduler runs it instead:
# at startup, as SYSTEM, restarted every minute on failure, never stopped for running long. Its
# data directory is %ProgramData%\mrv-edge (Administrators and SYSTEM only). No third-party wrapper.
param(
  [string]$Binary,
  [string]$Pairing,
  [string]$ServerCa,
  [int]$Keygen,
  [switch]$Uninstall
)
$ErrorActionPreference = 'Stop'
$name = 'mrv-edge'
$dir = Join-Path $env:ProgramFiles 'mrv-edge'
$data = Join-Path $env:ProgramData 'mrv-edge'
$exe = Join-Path $dir 'mrv-edge.exe'

if ($Uninstall) {
  Stop-ScheduledTask -TaskName $name -ErrorAction SilentlyContinue
  Unregister-ScheduledTask -TaskName $name -Confirm:$false -ErrorAction SilentlyContinue
  Write-Output "removed the $name task (data kept in $data)"
  exit 0
}
if (-not $Binary -or (-not $Pairing -and -not $Keygen)) {
  throw 'usage: -Binary <mrv-edge-win-x64.exe> (-Keygen <count> | -Pairing <QR payload> [-ServerCa <pem>])'
}

New-Item -ItemType Directory -Force -Path $dir, $data | Out-Null
Copy-Item -Force $Binary $exe
icacls $data /inheritance:r /grant:r 'Administrators:(OI)(CI)F' 'SYSTEM:(OI)(CI)F' | Out-Null

if ($Keygen) {
  & $exe keygen --count $Keygen --data $data
  if ($LASTEXITCODE -ne 0) { throw "keygen failed ($LASTEXITCODE)" }
  Write-Output 'register these did:keys as devices, create the gateway, then run again with -Pairing'
  exit 0
}
$pairArgs = @('pair', $Pairing, '--data', $data)
if ($ServerCa) { $pairArgs += @('--server-ca', $ServerCa) }
& $exe @pairArgs
if ($LASTEXITCODE -ne 0) { throw "pairing failed ($LASTEXITCODE)" }

# The agent's runtime flags, as edge/install.sh sets them in the systemd unit (memory: docs/edge.md).
# A task action cannot set an environment variable, so cmd.exe sets it for this process alone.
$nodeFlags = '--v8-pool-size=1 --max-semi-space-size=2'
$action = New-ScheduledTaskAction -Execute 'cmd.exe' `
  -Argument "/d /c set `"NODE_OPTIONS=$nodeFlags`" && `"$exe`" run --data `"$data`""
$trigger = New-ScheduledTaskTrigger -AtStartup
$principal = New-ScheduledTaskPrincipal -UserId 'SYSTEM' -LogonType ServiceAccount -RunLevel Highest
$settings = New-ScheduledTaskSettingsSet -RestartCount 9999 -RestartInterval (New-TimeSpan -Minutes 1) `
  -ExecutionTimeLimit ([TimeSpan]::Zero) -StartWhenAvailable -DontStopIfGoingOnBatteries -AllowStartIfOnBatteries
Register-ScheduledTask -TaskName $name -Action $action -Trigger $trigger -Principal $principal -Settings $settings -Force | Out-Null
Start-ScheduledTask -TaskName $name
Write-Output "the $name task is running; status: & '$exe' status --data '$data'"
