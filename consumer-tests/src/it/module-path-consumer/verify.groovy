// Both tests of UsageTest ran (and the README's test, where there is one): none was skipped.
File reports = new File(basedir, 'target/surefire-reports')
def results = reports.listFiles().findAll { it.name.startsWith('TEST-') }.collect { new groovy.xml.XmlSlurper().parse(it) }
int run = results.sum { it.@tests.toInteger() }
int skipped = results.sum { it.@skipped.toInteger() }
int expected = new File(basedir, 'src/test/java/com/example/shortener').exists() ? 4 : 2
if (run != expected || skipped != 0) {
  throw new IllegalStateException("expected " + expected + " tests run and none skipped, got " + run + " run, " + skipped + " skipped")
}

// The versions a user resolves are the ones the reactor tests (issue 10): one Jackson, the
// reactor's kotlin-stdlib, on the runtime path that dependency:build-classpath wrote.
def jars = new File(basedir, 'target/runtime-classpath.txt').text.trim().split(File.pathSeparator).collect { new File(it).name }
String jacksonMinor = jacksonVersion.tokenize('.').take(2).join('.')
def wrong = jars.findAll {
  (it.startsWith('jackson-') && !it.matches('jackson-[a-z0-9-]+-' + java.util.regex.Pattern.quote(jacksonMinor) + '(\\.[0-9]+)?\\.jar'))
      || (it.startsWith('kotlin-stdlib-') && it != 'kotlin-stdlib-' + kotlinVersion + '.jar')
}
if (wrong) {
  throw new IllegalStateException("a user resolves other versions than the reactor tests (Jackson " + jacksonVersion
      + ", kotlin-stdlib " + kotlinVersion + "): " + wrong + "; see the comments on dependencyManagement in the root pom.xml")
}
return true
