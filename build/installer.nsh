; Windows installer additions (electron-builder nsis.include), issue 13: phones vote over the
; local network, so the voting hub must accept inbound connections. The rule is for this
; program only (any port: the hub listens only while phone voting is switched on, and only on
; the network the facilitator picked). All profiles: hotspots and travel routers are often
; classified as "Public" networks by Windows.
; The installer is per-user (not elevated): netsh needs an administrator, so when the direct
; call fails Windows asks once (UAC). If that is declined, Windows shows its own firewall
; prompt the first time phone voting starts (docs/voting-hub.md, "Firewall").

!include LogicLib.nsh
!define TRIADA_FW_RULE "Triada voting hub"

!macro customInstall
  DetailPrint "Povoluji hlasování z telefonů ve Windows Firewallu…"
  nsExec::ExecToLog '"$SYSDIR\netsh.exe" advfirewall firewall delete rule name="${TRIADA_FW_RULE}"'
  Pop $0
  nsExec::ExecToLog '"$SYSDIR\netsh.exe" advfirewall firewall add rule name="${TRIADA_FW_RULE}" dir=in action=allow program="$INSTDIR\triada.exe" enable=yes profile=any protocol=TCP'
  Pop $0
  ${If} $0 != 0
    ExecShellWait "runas" "$SYSDIR\netsh.exe" 'advfirewall firewall add rule name="${TRIADA_FW_RULE}" dir=in action=allow program="$INSTDIR\triada.exe" enable=yes profile=any protocol=TCP' SW_HIDE
  ${EndIf}
!macroend

!macro customUnInstall
  nsExec::ExecToLog '"$SYSDIR\netsh.exe" advfirewall firewall delete rule name="${TRIADA_FW_RULE}" program="$INSTDIR\triada.exe"'
  Pop $0
!macroend
