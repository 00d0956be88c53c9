# Installs mrv-edge to run at boot on Windows (run in an elevated PowerShell):
#
#   .\mrv-edge-service.ps1 -Binary .\mrv-edge-win-x64.exe -Pairing 'mrvgw1.…' -Api https://mrv.example.org
#   .\mrv-edge-service.ps1 -Uninstall
#
# mrv-edge is a console program and does not speak the Service Control Manager protocol, so a bare
# `sc.exe create` service would be killed after 30 s. Windows' own Task Scheduler runs it instead:
# at startup, as SYSTEM, restarted every minute on failure, never stopped for running long. Its
# data directory is %ProgramData%\mrv-edge (Administrators and SYSTEM only). No third-party wrapper.
param(
  [string]$Binary,
  [string]$Pairing,
  [string]$Api,
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
if (-not $Binary -or -not $Pairing) { throw 'usage: -Binary <mrv-edge-win-x64.exe> -Pairing <code | QR payload> [-Api <url>]' }

New-Item -ItemType Directory -Force -Path $dir, $data | Out-Null
Copy-Item -Force $Binary $exe
icacls $data /inheritance:r /grant:r 'Administrators:(OI)(CI)F' 'SYSTEM:(OI)(CI)F' | Out-Null

$pairArgs = @('pair', $Pairing, '--data', $data)
if ($Api) { $pairArgs += @('--api', $Api) }
& $exe @pairArgs
if ($LASTEXITCODE -ne 0) { throw "pairing failed ($LASTEXITCODE)" }

$action = New-ScheduledTaskAction -Execute $exe -Argument "run --data `"$data`""
$trigger = New-ScheduledTaskTrigger -AtStartup
$principal = New-ScheduledTaskPrincipal -UserId 'SYSTEM' -LogonType ServiceAccount -RunLevel Highest
$settings = New-ScheduledTaskSettingsSet -RestartCount 9999 -RestartInterval (New-TimeSpan -Minutes 1) `
  -ExecutionTimeLimit ([TimeSpan]::Zero) -StartWhenAvailable -DontStopIfGoingOnBatteries -AllowStartIfOnBatteries
Register-ScheduledTask -TaskName $name -Action $action -Trigger $trigger -Principal $principal -Settings $settings -Force | Out-Null
Start-ScheduledTask -TaskName $name
Write-Output "the $name task is running; status: & '$exe' status --data '$data'"
