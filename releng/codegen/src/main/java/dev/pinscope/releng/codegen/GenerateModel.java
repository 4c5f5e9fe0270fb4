package dev.pinscope.releng.codegen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.codegen.ecore.generator.Generator;
import org.eclipse.emf.codegen.ecore.generator.GeneratorAdapterFactory;
import org.eclipse.emf.codegen.ecore.genmodel.GenModel;
import org.eclipse.emf.codegen.ecore.genmodel.GenModelPackage;
import org.eclipse.emf.codegen.ecore.genmodel.generator.GenBaseGeneratorAdapter;
import org.eclipse.emf.codegen.ecore.genmodel.generator.GenModelGeneratorAdapterFactory;
import org.eclipse.emf.common.util.BasicMonitor;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EcorePackage;
import org.eclipse.emf.ecore.plugin.EcorePlugin;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.xmi.impl.EcoreResourceFactoryImpl;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;

/**
 * Runs EMF's own generator on {@code bundles/dev.pinscope.model/model/pinscope.genmodel} without an
 * Eclipse IDE: model code into {@code dev.pinscope.model/src-gen}, item providers into
 * {@code dev.pinscope.model.edit/src-gen}.
 *
 * <p>Usage: {@code GenerateModel <repository root>} regenerates in place;
 * {@code GenerateModel <repository root> --check} regenerates into a temporary copy of both bundles
 * and exits 1 listing every file whose committed content differs from a fresh generation.
 */
public final class GenerateModel {

    static final String MODEL_BUNDLE = "dev.pinscope.model";
    static final String EDIT_BUNDLE = "dev.pinscope.model.edit";
    private static final String GENMODEL = "/" + MODEL_BUNDLE + "/model/pinscope.genmodel";

    private GenerateModel() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: GenerateModel <repository root> [--check]");
            System.exit(2);
        }
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        boolean check = args.length > 1 && args[1].equals("--check");
        if (check) {
            List<String> stale = checkFresh(root);
            if (!stale.isEmpty()) {
                System.err.println("Generated EMF code is stale; run releng/generate-model.sh and commit. Differences:");
                stale.forEach(s -> System.err.println("  " + s));
                System.exit(1);
            }
            System.out.println("Generated EMF code is up to date.");
        } else {
            generate(root.resolve("bundles"));
        }
    }

    /**
     * Generates model and edit code for the two bundles found under {@code bundlesDir}.
     *
     * @throws IllegalStateException when the genmodel cannot be loaded or the generator reports an error
     */
    public static void generate(Path bundlesDir) {
        // Generated files must be byte-identical on every machine (the staleness check compares them).
        System.setProperty("line.separator", "\n");
        // The generator writes via platform:/resource URIs; outside Eclipse they are mapped onto folders.
        Map<String, URI> platformMap = EcorePlugin.getPlatformResourceMap();
        for (String bundle : List.of(MODEL_BUNDLE, EDIT_BUNDLE)) {
            platformMap.put(bundle, URI.createFileURI(bundlesDir.resolve(bundle).toAbsolutePath() + "/"));
        }
        ResourceSet resourceSet = new ResourceSetImpl();
        var factories = resourceSet.getResourceFactoryRegistry().getExtensionToFactoryMap();
        factories.put("ecore", new EcoreResourceFactoryImpl());
        factories.put("genmodel", new EcoreResourceFactoryImpl());
        factories.put("xmi", new XMIResourceFactoryImpl());
        resourceSet.getPackageRegistry().put(EcorePackage.eNS_URI, EcorePackage.eINSTANCE);
        resourceSet.getPackageRegistry().put(GenModelPackage.eNS_URI, GenModelPackage.eINSTANCE);
        GeneratorAdapterFactory.Descriptor.Registry.INSTANCE.addDescriptor(
                GenModelPackage.eNS_URI, GenModelGeneratorAdapterFactory.DESCRIPTOR);

        Resource genModelResource = resourceSet.getResource(URI.createPlatformResourceURI(GENMODEL, true), true);
        GenModel genModel = (GenModel) genModelResource.getContents().get(0);
        // Without reconcile() features added to the .ecore since the .genmodel was saved are skipped silently.
        genModel.reconcile();
        genModel.setCanGenerate(true);
        // Outside Eclipse, dynamic templates produce empty files and the JDT formatter is unavailable.
        genModel.setDynamicTemplates(false);
        genModel.setCodeFormatting(false);
        // Keep the committed .genmodel complete (GenClass/GenFeature per element), as the IDE would.
        try {
            genModelResource.save(Map.of());
        } catch (IOException e) {
            throw new IllegalStateException("cannot save the reconciled genmodel", e);
        }
        Diagnostic validation = genModel.diagnose();
        if (validation.getSeverity() == Diagnostic.ERROR) {
            throw new IllegalStateException("genmodel invalid: " + describe(validation));
        }

        Generator generator = new Generator();
        generator.setInput(genModel);
        for (String projectType : List.of(GenBaseGeneratorAdapter.MODEL_PROJECT_TYPE,
                GenBaseGeneratorAdapter.EDIT_PROJECT_TYPE)) {
            Diagnostic result = generator.generate(genModel, projectType, new BasicMonitor());
            if (result.getSeverity() == Diagnostic.ERROR) {
                throw new IllegalStateException("generation of " + projectType + " failed: " + describe(result));
            }
        }
    }

    /**
     * Copies both bundles to a temporary folder, regenerates there and returns the relative paths of
     * files that a fresh generation would change or add.
     */
    public static List<String> checkFresh(Path root) throws IOException {
        Path bundles = root.resolve("bundles");
        Path temp = Files.createTempDirectory("pinscope-codegen-");
        try {
            for (String bundle : List.of(MODEL_BUNDLE, EDIT_BUNDLE)) {
                copyTree(bundles.resolve(bundle), temp.resolve(bundle));
            }
            generate(temp);
            List<String> stale = new ArrayList<>();
            for (String bundle : List.of(MODEL_BUNDLE, EDIT_BUNDLE)) {
                Path fresh = temp.resolve(bundle);
                try (var files = Files.walk(fresh)) {
                    for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                        Path rel = fresh.relativize(file);
                        Path committed = bundles.resolve(bundle).resolve(rel);
                        if (!Files.exists(committed)) {
                            stale.add(bundle + "/" + rel + " (missing)");
                        } else if (Files.mismatch(committed, file) != -1) {
                            stale.add(bundle + "/" + rel + " (differs)");
                        }
                    }
                }
            }
            return stale;
        } finally {
            deleteTree(temp);
        }
    }

    /** Copies a bundle folder without its build output ({@code target/}, {@code bin/}); also the staleness test's copy. */
    static void copyTree(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path rel = from.relativize(p);
                // build output is not part of the generator's input or output
                if (rel.startsWith("target") || rel.startsWith("bin")) {
                    continue;
                }
                Path dest = to.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static String describe(Diagnostic d) {
        StringBuilder sb = new StringBuilder(String.valueOf(d.getMessage()));
        if (d.getException() != null) {
            sb.append(" [").append(d.getException()).append(']');
        }
        for (Diagnostic child : d.getChildren()) {
            sb.append("; ").append(describe(child));
        }
        return sb.toString();
    }
}
