namespace CartRecovery.Connectors.Demo;

/// <summary>The white shape drawn on a product's thumbnail tile.</summary>
public enum DemoShape
{
    Mountain,
    Square,
    Circle,
    Diamond,
    Bars,
    Tall,
    Arch,
}
