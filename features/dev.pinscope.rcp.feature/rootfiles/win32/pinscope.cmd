@echo off
rem Pinscope start script for Windows: GUI by default, headless subcommands (run, explore, compare, validate).
rem   pinscope [FILE.pinscope ...]                          open the workbench (and the given scenarios)
rem   pinscope run^|explore^|compare^|validate FILE... [options], import, export, verify  headless CLI
rem   pinscope --version
rem Java 21 or newer is taken from PINSCOPE_JAVA, then JAVA_HOME, then java on PATH.
setlocal EnableDelayedExpansion
set "HERE=%~dp0"
if "%HERE:~-1%"=="\" set "HERE=%HERE:~0,-1%"

set "LAUNCHER="
for %%f in ("%HERE%\plugins\org.eclipse.equinox.launcher_*.jar") do set "LAUNCHER=%%~ff"
set "APPJAR="
for %%f in ("%HERE%\plugins\dev.pinscope.app_*.jar") do set "APPJAR=%%~nf"
if not defined LAUNCHER goto incomplete
if not defined APPJAR goto incomplete

if "%~1"=="--version" goto version
if "%~1"=="-version" goto version

set "JAVA="
if defined PINSCOPE_JAVA (set "JAVA=%PINSCOPE_JAVA%") else if defined JAVA_HOME (set "JAVA=%JAVA_HOME%\bin\java.exe") else (set "JAVA=java")
set "MAJOR="
for /f "tokens=3" %%v in ('"%JAVA%" -version 2^>^&1 ^| findstr /i "version"') do set "JV=%%~v"
if not defined JV goto nojava
for /f "delims=." %%m in ("%JV%") do set "MAJOR=%%m"
if "%MAJOR%"=="1" set "MAJOR=8"
if %MAJOR% LSS 21 goto oldjava

set "CONF=%HERE%\configuration"
if /i "%~1"=="run" goto cli
if /i "%~1"=="explore" goto cli
if /i "%~1"=="compare" goto cli
if /i "%~1"=="validate" goto cli
if /i "%~1"=="import" goto cli
if /i "%~1"=="export" goto cli
if /i "%~1"=="verify" goto cli
if /i "%~1"=="help" goto cli
if /i "%~1"=="generate-completion" goto cli

set "WS=%PINSCOPE_WORKSPACE%"
if not defined WS set "WS=%USERPROFILE%\.pinscope\workspace"
"%JAVA%" -Xmx2g -jar "%LAUNCHER%" -install "%HERE%" -configuration "%CONF%" -data "%WS%" %*
exit /b %errorlevel%

:cli
rem The headless commands do not start Equinox: the CLI's bundle jars (unsigned copies in cli\, named by
rem cli\pinscope-cli.jar) on a plain class path, with a per-user class-data archive the JVM makes on first
rem use and remakes when Java changes.
if not exist "%HERE%\cli\pinscope-cli.jar" goto cliequinox
set "JIT="
if /i "%~1"=="validate" set "JIT=-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
if /i "%~1"=="import" set "JIT=-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
if /i "%~1"=="help" set "JIT=-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
set "CDS="
if not exist "%USERPROFILE%\.pinscope" mkdir "%USERPROFILE%\.pinscope" 2>nul
if exist "%USERPROFILE%\.pinscope" set "CDS=-XX:SharedArchiveFile=%USERPROFILE%\.pinscope\cli.jsa -XX:+AutoCreateSharedArchive"
"%JAVA%" -Xss8m -Xlog:disable %JIT% %CDS% -cp "%HERE%\cli\pinscope-cli.jar" dev.pinscope.cli.PinscopeCli %*
exit /b %errorlevel%

:cliequinox
"%JAVA%" -Xss8m -Declipse.ignoreApp=false -jar "%LAUNCHER%" -install "%HERE%" -configuration "%CONF%" -data @none -application dev.pinscope.cli.app -nosplash %*
exit /b %errorlevel%

:version
set "V=%APPJAR:dev.pinscope.app_=%"
for /f "tokens=1-3,* delims=." %%a in ("%V%") do (
    set "REL=%%a.%%b.%%c"
    set "BUILD=%%d"
)
if not defined BUILD set "BUILD=development"
echo Pinscope %REL% (build %BUILD%)
exit /b 0

:incomplete
echo pinscope: this installation is incomplete (no Equinox launcher or Pinscope bundle under %HERE%\plugins) 1>&2
exit /b 2
:nojava
echo pinscope: needs Java 21 or newer; "%JAVA%" does not run. Install a JDK 21+ and set PINSCOPE_JAVA=C:\path\to\bin\java.exe or JAVA_HOME. 1>&2
exit /b 2
:oldjava
echo pinscope: needs Java 21 or newer; found Java %MAJOR% at "%JAVA%". Install a JDK 21+ and set PINSCOPE_JAVA or JAVA_HOME. 1>&2
exit /b 2
