// The pom.xml, the Usage code and its test from README.md (../shared/from-readme.groovy), plus the
// README's "Testing your code" test with the code it tests, ShortenerService, as sdk-testkit keeps them.
evaluate(new File(sharedDir, 'from-readme.groovy'))

File testDir = new File(basedir, 'src/test/java/com/example/shortener')
copy(new File(testkitTestSources, 'com/example/shortener/ShortenerService.java'), new File(testDir, 'ShortenerService.java'))
// The imports as sdk-testkit has them (RootReadmeTest keeps the rest equal to the README), then the README's text.
String kept = new File(testkitTestSources, 'com/example/shortener/ShortenerServiceTest.java').getText('UTF-8')
String header = kept.substring(0, kept.indexOf('class ShortenerServiceTest {'))
new File(testDir, 'ShortenerServiceTest.java').setText(header + block('Testing your code', 'java'), 'UTF-8')
return true
