import { existsSync, readFileSync } from 'node:fs'
import { copyFile, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { runProcess } from '../../runtime/child-process.js'
import { packageRoot, userCacheDir, writeOwnFile } from '../../runtime/files.js'
import { commandClient } from '../command-client.js'
import { configFormatByName } from '../../config/formats/registry.js'
import type { InstallableClient } from './installable-client.js'
import { installStep } from './provision.js'
import { mavenVersions } from './released-versions.js'

/** A project file whose only use is to make Maven resolve the SDK and its dependencies. */
function pom(version: string): string {
  return `<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>mcp-auth-harness</groupId>
  <artifactId>java-sdk-client</artifactId>
  <version>1</version>
  <dependencies>
    <dependency>
      <groupId>io.modelcontextprotocol.sdk</groupId>
      <artifactId>mcp</artifactId>
      <version>${version}</version>
    </dependency>
  </dependencies>
</project>
`
}

/** The class-data-sharing archive made at install, in the installation folder. */
const CDS_ARCHIVE = 'adapter.jsa'

/** The flags that start the JVM from the installation's CDS archive, when the install could make one. */
export function cdsFlags(dir: string): string {
  // -Xshare:auto (the default): an archive the JVM cannot use is skipped with a warning, never fatal.
  return existsSync(join(dir, CDS_ARCHIVE))
    ? `"-XX:SharedArchiveFile=${join(dir, CDS_ARCHIVE)}" -Xlog:cds=off -Xlog:cds+dynamic=off`
    : ''
}

/**
 * The official Java SDK (io.modelcontextprotocol.sdk:mcp) from Maven Central into a Maven repository
 * in the harness's cache, with the adapter shipped in `clients/java-sdk/Main.java` compiled against it.
 * The SDK has no OAuth client, so the adapter runs both transports without one.
 */
export const JAVA_SDK: InstallableClient = {
  name: 'java-sdk',
  pinned: '2.1.0',
  // The adapter's request customizer (addHttpRequestCustomizer) and Streamable HTTP transport are 2.1's:
  // 2.0.0 and 1.0.0 fail to compile it, 0.10.0 has no Streamable HTTP client.
  oldest: '2.1.0',
  versions: () => mavenVersions('io.modelcontextprotocol.sdk', 'mcp'),
  what: (version) => `the official Java SDK (io.modelcontextprotocol.sdk:mcp ${version}, Maven Central)`,
  compiled: ['clients/java-sdk/Main.java'],
  toolchains: [
    { command: 'java', install: 'a JDK 17 or newer (Debian: apt-get install openjdk-17-jdk-headless)' },
    { command: 'javac', install: 'a JDK 17 or newer (Debian: apt-get install openjdk-17-jdk-headless)' },
    { command: 'mvn', install: 'Maven 3 (Debian: apt-get install maven)' },
  ],
  async install(version, dir, progress) {
    const repository = await userCacheDir('toolchains', 'maven-repository')
    await writeOwnFile(join(dir, 'pom.xml'), pom(version))
    progress(`mvn dependency:build-classpath (io.modelcontextprotocol.sdk:mcp:${version}) …`)
    await installStep(
      'mvn',
      ['-q', '-B', `-Dmaven.repo.local=${repository}`, 'dependency:build-classpath', '-Dmdep.outputFile=classpath.txt'],
      `resolving io.modelcontextprotocol.sdk:mcp:${version}`,
      { cwd: dir },
    )
    const classpath = (await readFile(join(dir, 'classpath.txt'), 'utf8')).trim()
    progress('javac Main.java …')
    await copyFile(join(packageRoot(), 'clients', 'java-sdk', 'Main.java'), join(dir, 'Main.java'))
    await installStep('javac', ['-cp', classpath, '-d', join(dir, 'classes'), 'Main.java'], 'compiling the java-sdk adapter', {
      cwd: dir,
    })
    // A class-data-sharing archive of what a session loads (JDK 13+ dynamic CDS): a training session
    // against a closed port loads the SDK's transport and client classes, and the archive spares
    // every later start their loading and verification.
    progress('java -XX:ArchiveClassesAtExit (class-data-sharing archive) …')
    // The session fails (nothing listens there) and the JVM still writes the archive at exit; a JVM
    // that cannot write one runs without it (cdsFlags).
    await runProcess({
      command: 'java',
      args: [
        `-XX:ArchiveClassesAtExit=${join(dir, CDS_ARCHIVE)}`,
        '-cp',
        `${join(dir, 'classes')}:${classpath}`,
        'Main',
        'http://127.0.0.1:9/mcp',
      ],
      env: {},
      cwd: dir,
      signal: AbortSignal.timeout(120_000),
    })
  },
  programs: (_version, dir) => [join(dir, 'classes', 'Main.class'), join(dir, 'classpath.txt')],
  client(version, dir) {
    // The classpath names jars in the cache's Maven repository, which stays where it is.
    const classpath = `${join(dir, 'classes')}:${readFileSync(join(dir, 'classpath.txt'), 'utf8').trim()}`
    return {
      ...commandClient(`java ${cdsFlags(dir)} -cp "${classpath}" Main {url}`, configFormatByName('json'), { sessionLoop: true }),
      // Nothing in the SDK takes a pre-registered OAuth client.
      acceptsOAuthClientId: false,
      description: `${JAVA_SDK.what(version)} through its adapter; the SDK has no OAuth client`,
    }
  },
}
