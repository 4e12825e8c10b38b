package dev.atelier.engine.algorithms;

import static dev.atelier.engine.algorithms.Hyperparameters.NO_LIMIT;
import static dev.atelier.engine.algorithms.Hyperparameters.bool;
import static dev.atelier.engine.algorithms.Hyperparameters.choice;
import static dev.atelier.engine.algorithms.Hyperparameters.choiceUnset;
import static dev.atelier.engine.algorithms.Hyperparameters.integer;
import static dev.atelier.engine.algorithms.Hyperparameters.integerFromData;
import static dev.atelier.engine.algorithms.Hyperparameters.integerUnset;
import static dev.atelier.engine.algorithms.Hyperparameters.real;
import static dev.atelier.engine.algorithms.Hyperparameters.realLog;
import static dev.atelier.engine.algorithms.Hyperparameters.text;
import static dev.atelier.engine.algorithms.Hyperparameters.textUnset;

import java.util.EnumSet;
import java.util.List;

/// SageMaker's computer-vision algorithms: Image Classification, Object Detection and Semantic Segmentation.
/// Names, defaults and ranges follow AWS's hyperparameter tables (settings that only matter for distributed
/// training, such as `kv_store`, are left out).
final class VisionAlgorithms {
    static final String CATEGORY = "Computer vision";

    private VisionAlgorithms() {
    }

    static List<AlgorithmDescriptor> all() {
        return List.of(imageClassification(), objectDetection(), semanticSegmentation());
    }

    static AlgorithmDescriptor imageClassification() {
        return new AlgorithmDescriptor("image-classification", "Image Classification", CATEGORY,
                "Labels whole images, e.g. which product is shown or whether a part is damaged, with a deep"
                        + " ResNet network.",
                EnumSet.of(ProblemType.IMAGE_CLASSIFICATION), List.of(
                integerFromData("num_classes", 1, NO_LIMIT,
                        "How many labels images can have; Atelier counts them in the data."),
                integerFromData("num_training_samples", 1, NO_LIMIT,
                        "How many training images there are; Atelier counts them."),
                integer("use_pretrained_model", 0, 0, 1,
                        "Set to 1 to start from a network already trained on millions of photos, which helps"
                                + " with few images."),
                choice("num_layers", "152",
                        List.of("18", "20", "32", "34", "44", "50", "56", "101", "110", "152", "200"),
                        "How deep the network is; 18 to 200 for large images, 20 to 110 for small ones."),
                integer("epochs", 30, 1, NO_LIMIT, "How many passes over the training images."),
                realLog("learning_rate", "0.1", "[0,1]",
                        "How big each update step is at the start; lower it when starting from a pretrained"
                                + " network."),
                integer("mini_batch_size", 32, 1, NO_LIMIT,
                        "How many images are used per update step; lower it if memory runs out."),
                choice("optimizer", "sgd", List.of("sgd", "adam", "rmsprop", "nag"),
                        "The method used to adjust the network's weights."),
                text("image_shape", "3, 224, 224", "channels, height, width, e.g. 3, 224, 224",
                        "The size images are fed in at; larger sizes see more detail but need more memory."),
                integerUnset("resize", 1, NO_LIMIT,
                        "Resizes images so their shorter side has this many pixels; left empty, images are used"
                                + " as they are."),
                choiceUnset("augmentation_type", List.of("crop", "crop_color", "crop_color_transform"),
                        "Varies training images by cropping, colour and rotation so the model generalizes"
                                + " better; left empty, no variation."),
                real("lr_scheduler_factor", "0.1", "[0,1]",
                        "How much the learning rate shrinks at each epoch listed in lr_scheduler_step."),
                textUnset("lr_scheduler_step", "comma-separated epochs, e.g. 10, 20",
                        "The epochs after which the learning rate shrinks."),
                real("momentum", "0", "[0,1]", "How much sgd and nag keep their previous direction."),
                realLog("weight_decay", "0.0001", "[0,1]",
                        "Keeps the network's weights small with sgd and nag; raise it if the model overfits."),
                real("beta_1", "0.9", "[0,1]", "How much adam smooths the direction of its steps."),
                real("beta_2", "0.999", "[0,1]", "How much adam smooths the size of its steps."),
                realLog("eps", "1e-8", "[0,1]",
                        "A tiny number that keeps adam and rmsprop from dividing by zero."),
                real("gamma", "0.9", "[0,1]", "How much rmsprop smooths the size of its steps."),
                integerUnset("top_k", 2, NO_LIMIT,
                        "Also reports whether the true label is among the k best guesses."),
                integer("checkpoint_frequency", 1, 1, NO_LIMIT,
                        "How many epochs pass between saved snapshots of the network."),
                bool("early_stopping", false,
                        "Stops training when validation accuracy stops improving."),
                integer("early_stopping_min_epochs", 10, 1, NO_LIMIT,
                        "The fewest epochs before early stopping may end training."),
                integer("early_stopping_patience", 5, 1, NO_LIMIT,
                        "How many epochs without improvement are allowed before stopping."),
                real("early_stopping_tolerance", "0.0", "[0,1]",
                        "The smallest relative improvement in accuracy that still counts as progress.")),
                false);
    }

    static AlgorithmDescriptor objectDetection() {
        return new AlgorithmDescriptor("object-detection", "Object Detection", CATEGORY,
                "Finds objects in images and draws a labelled box around each, e.g. products on a shelf or"
                        + " vehicles on a road.",
                EnumSet.of(ProblemType.OBJECT_DETECTION), List.of(
                integerFromData("num_classes", 1, NO_LIMIT,
                        "How many kinds of object there are; Atelier counts them in the data."),
                integerFromData("num_training_samples", 1, NO_LIMIT,
                        "How many training images there are; Atelier counts them."),
                choice("base_network", "vgg-16", List.of("vgg-16", "resnet-50"),
                        "The network that reads the image; resnet-50 is deeper, vgg-16 is the classic choice."),
                integer("use_pretrained_model", 1, 0, 1,
                        "1 starts from a network already trained on millions of photos, which helps with few"
                                + " images."),
                integer("epochs", 30, 1, NO_LIMIT, "How many passes over the training images."),
                realLog("learning_rate", "0.001", "(0,1]",
                        "How big each update step is at the start; lower it if training is unstable."),
                integer("mini_batch_size", 32, 1, NO_LIMIT,
                        "How many images are used per update step; lower it if memory runs out."),
                integer("image_shape", 300, 300, NO_LIMIT,
                        "The side of the square images are resized to; 300 or 512 work best."),
                choice("optimizer", "sgd", List.of("sgd", "adam", "rmsprop", "adadelta"),
                        "The method used to adjust the network's weights."),
                real("momentum", "0.9", "(0,1]", "How much sgd keeps its previous direction."),
                realLog("weight_decay", "0.0005", "(0,1)",
                        "Keeps the network's weights small with sgd and rmsprop; raise it if the model"
                                + " overfits."),
                real("lr_scheduler_factor", "0.1", "(0,1)",
                        "How much the learning rate shrinks at each epoch listed in lr_scheduler_step."),
                textUnset("lr_scheduler_step", "comma-separated epochs, e.g. 10, 20",
                        "The epochs after which the learning rate shrinks."),
                real("nms_threshold", "0.45", "(0,1]",
                        "How much two boxes may overlap before the weaker one is dropped as a duplicate."),
                real("overlap_threshold", "0.5", "(0,1]",
                        "How much a predicted box must overlap the true box to count as a hit when scoring."),
                integer("label_width", 350, 1, NO_LIMIT,
                        "Room reserved for each image's box list; raise it for images with very many objects."),
                textUnset("freeze_layer_pattern", "a regular expression over layer names",
                        "Layers whose names match are not retrained, which speeds up training from a pretrained"
                                + " network."),
                bool("early_stopping", false,
                        "Stops training when validation mean average precision stops improving."),
                integer("early_stopping_min_epochs", 10, 1, NO_LIMIT,
                        "The fewest epochs before early stopping may end training."),
                integer("early_stopping_patience", 5, 1, NO_LIMIT,
                        "How many epochs without improvement are allowed before stopping."),
                real("early_stopping_tolerance", "0.0", "[0,1]",
                        "The smallest relative improvement that still counts as progress.")),
                false);
    }

    static AlgorithmDescriptor semanticSegmentation() {
        return new AlgorithmDescriptor("semantic-segmentation", "Semantic Segmentation", CATEGORY,
                "Labels every pixel of an image, e.g. road, building or sky, to outline shapes precisely.",
                EnumSet.of(ProblemType.SEMANTIC_SEGMENTATION), List.of(
                integerFromData("num_classes", 2, 254,
                        "How many pixel labels there are; Atelier counts them in the data."),
                integerFromData("num_training_samples", 1, NO_LIMIT,
                        "How many training images there are; Atelier counts them."),
                choice("algorithm", "fcn", List.of("fcn", "psp", "deeplab"),
                        "The segmentation design: fcn is simplest, psp and deeplab capture wider context."),
                choice("backbone", "resnet-50", List.of("resnet-50", "resnet-101"),
                        "The network that reads the image; resnet-101 is deeper and slower."),
                bool("use_pretrained_model", true,
                        "Starts from a network already trained on millions of photos, which helps with few"
                                + " images."),
                integer("epochs", 30, 1, NO_LIMIT, "How many passes over the training images."),
                realLog("learning_rate", "0.001", "(0,1]",
                        "How big each update step is at the start; lower it if training is unstable."),
                integer("mini_batch_size", 4, 1, NO_LIMIT,
                        "How many images are used per update step; lower it if memory runs out."),
                integer("validation_mini_batch_size", 4, 1, NO_LIMIT,
                        "How many images are scored at a time during validation."),
                choice("optimizer", "sgd", List.of("adam", "adagrad", "nag", "rmsprop", "sgd"),
                        "The method used to adjust the network's weights."),
                choice("lr_scheduler", "poly", List.of("step", "poly", "cosine"),
                        "How the learning rate shrinks over training."),
                integer("base_size", 520, 17, NO_LIMIT,
                        "The size images are rescaled to, at random between half and double, before cropping."),
                integer("crop_size", 480, 17, NO_LIMIT,
                        "The side of the square cut from each rescaled image for training."),
                real("momentum", "0.9", "(0,1]", "How much sgd keeps its previous direction."),
                realLog("weight_decay", "0.0001", "(0,1)",
                        "Keeps the network's weights small with sgd; raise it if the model overfits."),
                real("gamma1", "0.9", "[0,1]", "How much rmsprop smooths the size of its steps."),
                real("gamma2", "0.9", "[0,1]", "The momentum rmsprop uses."),
                bool("syncbn", false,
                        "Normalizes across all graphics cards together when training on several."),
                bool("early_stopping", false,
                        "Stops training when validation mean intersection over union stops improving."),
                integer("early_stopping_min_epochs", 5, 1, NO_LIMIT,
                        "The fewest epochs before early stopping may end training."),
                integer("early_stopping_patience", 4, 1, NO_LIMIT,
                        "How many epochs without improvement are allowed before stopping."),
                real("early_stopping_tolerance", "0.0", "[0,1]",
                        "The smallest relative improvement that still counts as progress.")),
                false);
    }
}
